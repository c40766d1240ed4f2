import { expect, test } from "./fixtures";

/** Each simulator scenario (chosen by recipient ID) and the sentence the agent must see. */
const SCENARIOS = [
  { recipientId: "347", says: "Your Eko balance is too low", next: "Top up your e-value float", codes: "status 347" },
  { recipientId: "945", says: "monthly sending limit is used up", next: "cannot send more this month", codes: "status 945" },
  { recipientId: "346", says: "not set up for PPI Levin", next: "Ask your supervisor", codes: "status 346" },
  { recipientId: "463", says: "no customer registered with this mobile", next: "register the customer first", codes: "status 463" },
  { recipientId: "403", says: "refused the desk's credentials (HTTP 403)", next: "allowlisted", codes: "HTTP 403" },
  { recipientId: "500", says: "answered with an error (HTTP 500)", next: "try again", codes: "HTTP 500" },
  { recipientId: "502", says: "answered with an error (HTTP 502)", next: "try again", codes: "HTTP 502" },
  // Unknown, not failed: Eko took the request, so the agent is given the desk reference rather than Eko's codes.
  { recipientId: "422", says: "answer could not be read", next: "whether an OTP SMS arrived", codes: "Desk reference" },
] as const;

test.describe("Eko's refusals and faults reach the agent as plain sentences", () => {
  for (const scenario of SCENARIOS) {
    test(`recipient ${scenario.recipientId}: ${scenario.says}`, async ({ transferPage, sim, freshMobile }) => {
      const typed = { recipientId: scenario.recipientId, amount: "1200", customerMobile: freshMobile, beneficiaryId: "40367" };
      await transferPage.send(typed);

      await expect(transferPage.alert).toContainText(scenario.says);
      await expect(transferPage.alert).toContainText(scenario.next);
      await expect(transferPage.alert).toContainText(scenario.codes);
      await expect(transferPage.result).toBeHidden();
      // What the agent typed stays, ready to correct or retry.
      await expect(transferPage.recipientId).toHaveValue(typed.recipientId);
      await expect(transferPage.amount).toHaveValue(typed.amount);
      await expect(transferPage.customerMobile).toHaveValue(typed.customerMobile);
      await expect(transferPage.beneficiaryId).toHaveValue(typed.beneficiaryId);
      // One request reached Eko, no automatic resend.
      expect(await sim.received(freshMobile)).toHaveLength(1);
    });
  }

  test("Eko's own message is shown beneath the plain sentence", async ({ transferPage, freshMobile }) => {
    await transferPage.send({ recipientId: "945", amount: "1200", customerMobile: freshMobile });
    await expect(transferPage.alert).toContainText("Eko said: Beneficiary monthly limit exhausted");
    await expect(transferPage.alert).toContainText("response_type_id 945");
  });

  test("Eko's invalid_params land on their fields", async ({ transferPage, freshMobile }) => {
    await transferPage.send({ recipientId: "461", amount: "1200", customerMobile: freshMobile });
    await expect(transferPage.alert).toContainText("did not accept some of the details");
    await expect(transferPage.alert).toContainText("status 461");
    await expect(transferPage.recipientId).toHaveAttribute("aria-invalid", "true");
    await expect(transferPage.recipientId).toHaveAccessibleDescription(/Recipient is not registered for this sender/);
    await expect(transferPage.amount).toHaveAccessibleDescription(/exceeds the per-transaction limit/);
    await expect(transferPage.customerMobile).not.toHaveAttribute("aria-invalid", "true");
    await expect(transferPage.recipientId).toBeFocused();
  });
});
