import { expect, test } from "./fixtures";
import { sendOtpBody } from "./support/action-body";
import { captureAction, replayAction, type ActionReply } from "./support/action-capture";
import { apiAs } from "./support/role-api";
import { uniqueMobile } from "./support/unique";

// The action answers with the message key; the form shows it in the agent's language.
const FORM_REUSED = "error.form.reused";

test.describe("one submission, one send", () => {
  test("the agent's own request sent again, once and ten times at once, reaches Eko once", async ({ transferPage, sim, freshMobile, playwright }) => {
    await transferPage.fill({ recipientId: "10017740", amount: "2750", customerMobile: freshMobile });
    const send = await captureAction(transferPage.page, () => transferPage.submitAndConfirm());
    const shown = await transferPage.otpRefId.textContent();
    expect(shown).toBeTruthy();
    expect(await sim.received(freshMobile)).toHaveLength(1);

    const agent = await apiAs(playwright, "agent");
    const again = await replayAction(agent, send);
    const burst = await Promise.all(Array.from({ length: 10 }, () => replayAction(agent, send)));
    for (const reply of [again, ...burst]) {
      expect(reply.status).toBe(200);
      expect(reply.result).toMatchObject({ status: "sent", otpRefId: shown });
    }
    expect(await sim.received(freshMobile)).toHaveLength(1);

    // The same form with another customer's mobile is refused, and still nothing new goes out.
    const otherMobile = uniqueMobile();
    const reused = await replayAction(agent, send, { body: sendOtpBody(send.body, { customerMobile: otherMobile }) });
    expect(reused.result).toMatchObject({ status: "invalid", formError: FORM_REUSED });
    expect(reused.text).not.toContain("otpRefId");
    expect(await sim.received(otherMobile)).toHaveLength(0);
    expect(await sim.received(freshMobile)).toHaveLength(1);
    await agent.dispose();
  });

  test("ten copies racing the browser's own first arrival still make one Eko call", async ({ transferPage, sim, freshMobile, playwright }) => {
    const agent = await apiAs(playwright, "agent");
    const page = transferPage.page;
    let racing: Promise<ActionReply[]> | undefined;
    // Hold the browser's POST, fire ten copies of it, then let the original go: all eleven arrive together.
    await page.route("**/*", async (route) => {
      const original = route.request();
      const actionId = original.headers()["next-action"];
      // Only the send itself, not the recent-recipients lookup.
      if (original.method() !== "POST" || !actionId || !original.postData()?.includes("submissionId")) return route.continue();
      const copy = { url: original.url(), actionId, contentType: original.headers()["content-type"] ?? "", body: original.postData() ?? "" };
      racing = Promise.all(Array.from({ length: 10 }, () => replayAction(agent, copy)));
      await route.continue();
    });
    await transferPage.send({ recipientId: "10017740", amount: "3150", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    const shown = await transferPage.otpRefId.textContent();

    expect(racing).toBeDefined();
    for (const reply of (await racing) ?? []) expect(reply.result).toMatchObject({ status: "sent", otpRefId: shown });
    expect(await sim.received(freshMobile)).toHaveLength(1);
    await agent.dispose();
  });
});
