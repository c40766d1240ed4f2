import { expect, test } from "./fixtures";
import { TransferPage } from "./pages/transfer-page";

test.describe("the result card", () => {
  test("Send OTP again waits out a 30-second cool-down, then sends a new request with a new reference", async ({
    transferPage,
    sim,
    freshMobile,
  }) => {
    const page = transferPage.page;
    await page.clock.install();
    await transferPage.goto();
    await transferPage.send({ recipientId: "10017740", amount: "2100", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    await expect(transferPage.result.getByText("Sent at")).toBeVisible();
    await expect(transferPage.result.locator("time")).toHaveText(/\d{1,2} \w{3} \d{4}, \d{1,2}:\d{2}:\d{2} [ap]m IST/);
    const first = await transferPage.otpRefId.textContent();

    await expect(transferPage.sendAgainButton).toBeDisabled();
    await expect(transferPage.sendAgainButton).toHaveText(/^Send OTP again in (30|29|28|27|26) s$/);
    await page.clock.runFor(10_000);
    await expect(transferPage.sendAgainButton).toHaveText(/^Send OTP again in (20|19|18|17|16) s$/);
    await page.clock.runFor(21_000);
    // The natural clock may have run a little; whatever is left passes too.
    await page.clock.runFor(5_000);
    await expect(transferPage.sendAgainButton).toHaveText("Send OTP again");
    await expect(transferPage.sendAgainButton).toBeEnabled();
    expect(await sim.received(freshMobile)).toHaveLength(1);

    await transferPage.sendAgainButton.click();
    await expect(transferPage.otpRefId).not.toHaveText(first!);
    const sent = await sim.received(freshMobile);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toMatchObject({ recipient_id: 10017740, amount: 2100 });
    expect(sent[1]?.body.client_ref_id).not.toBe(sent[0]?.body.client_ref_id);
    await expect(transferPage.sendAgainButton).toBeDisabled();
  });

  test("after a limit, Send OTP again counts down to the server's retry time", async ({ transferPage, freshMobile }) => {
    // Three OTPs in 15 minutes per customer mobile is the limit; the fourth is refused.
    for (let i = 0; i < 3; i++) {
      await transferPage.send({ recipientId: "10017740", amount: String(1000 + i), customerMobile: freshMobile });
      await expect(transferPage.result).toBeVisible();
      await transferPage.newTransferButton.click();
    }
    await transferPage.send({ recipientId: "10017740", amount: "1003", customerMobile: freshMobile });
    await expect(transferPage.alert).toContainText("This customer has had 3 OTPs in the last 15 minutes.");
    await expect(transferPage.sendAgainButton).toBeDisabled();
    await expect(transferPage.sendAgainButton).toHaveText(/^Send OTP again in 1[45] min \d{1,2} s$/);
  });

  test("Share appears only where the phone offers sharing, and shares the whole reference", async ({ page, freshMobile }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "share", {
        configurable: true,
        value: async (data: ShareData) => {
          (window as unknown as { shared?: ShareData }).shared = data;
        },
      });
    });
    const transfer = new TransferPage(page);
    await transfer.goto();
    await transfer.send({ recipientId: "10017740", amount: "600", customerMobile: freshMobile });
    const shown = await transfer.otpRefId.textContent();
    await transfer.result.getByRole("button", { name: "Share" }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared?: ShareData }).shared);
    expect(shared?.text).toContain(shown!);
  });

  test("without the Web Share API there is no Share button", async ({ transferPage, freshMobile }) => {
    await transferPage.page.addInitScript(() => {
      Object.defineProperty(navigator, "share", { configurable: true, value: undefined });
    });
    await transferPage.goto();
    await transferPage.send({ recipientId: "10017740", amount: "650", customerMobile: freshMobile });
    await expect(transferPage.result.getByRole("button", { name: "Copy" })).toBeVisible();
    await expect(transferPage.result.getByRole("button", { name: "Share" })).toHaveCount(0);
  });
});
