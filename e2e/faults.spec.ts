import type { FaultMode } from "../lib/eko-sim/faults";
import { expect, test } from "./fixtures";

/** Each upstream fault and what the agent must read: whether the OTP may have gone, and what to do next. */
const FAULTS: { mode: FaultMode; says: string; next: string }[] = [
  { mode: "slow", says: "did not answer within 3 seconds. The OTP may or may not have reached the customer", next: "whether an OTP SMS arrived" },
  { mode: "no-answer", says: "did not answer within 3 seconds. The OTP may or may not have reached the customer", next: "whether an OTP SMS arrived" },
  { mode: "reset", says: "connection to Eko broke while it was answering", next: "whether an OTP SMS arrived" },
  { mode: "malformed-json", says: "answer could not be read. The OTP may have been sent", next: "whether an OTP SMS arrived" },
  { mode: "wrong-content-type", says: "answer could not be read. The OTP may have been sent", next: "whether an OTP SMS arrived" },
  { mode: "empty-body", says: "answer could not be read. The OTP may have been sent", next: "whether an OTP SMS arrived" },
  { mode: "http-403", says: "refused the desk's credentials (HTTP 403). No OTP was sent", next: "allowlisted" },
  { mode: "http-500", says: "answered with an error (HTTP 500). The OTP was most likely not sent", next: "try again" },
  { mode: "html-502", says: "answered with an error (HTTP 502). The OTP was most likely not sent", next: "try again" },
];

test.describe("Upstream faults end in a plain sentence, and the desk keeps serving", () => {
  test.afterEach(async ({ sim, freshMobile }) => {
    await sim.faultOff(freshMobile);
  });

  for (const fault of FAULTS) {
    test(`${fault.mode}: ${fault.says}`, async ({ transferPage, sim, freshMobile }) => {
      await sim.fault(freshMobile, fault.mode);
      await transferPage.send({ recipientId: "10017740", amount: "1500", customerMobile: freshMobile });

      await expect(transferPage.alert).toContainText(fault.says);
      await expect(transferPage.alert).toContainText(fault.next);
      await expect(transferPage.result).toBeHidden();
      // It reached Eko, so it is not retried: one request, marked with the fault.
      const received = await sim.received(freshMobile);
      expect(received.map((r) => r.verdict)).toEqual([`fault: ${fault.mode}`]);

      // Once the fault clears, the same form sends normally: the page survived the fault.
      await sim.faultOff(freshMobile);
      await transferPage.send({ recipientId: "10017740", amount: "1500", customerMobile: freshMobile });
      await expect(transferPage.result).toBeVisible();
      await expect(transferPage.otpRefId).not.toBeEmpty();
      expect(await sim.received(freshMobile)).toHaveLength(2);
    });
  }

  test("a fault with times: 1 faults one request, then Eko answers again", async ({ transferPage, sim, freshMobile }) => {
    expect(await sim.fault(freshMobile, "http-500", 1)).toEqual({ mode: "http-500", remaining: 1 });
    await transferPage.send({ recipientId: "10017740", amount: "1500", customerMobile: freshMobile });
    await expect(transferPage.alert).toContainText("(HTTP 500)");
    await transferPage.send({ recipientId: "10017740", amount: "1500", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
  });
});
