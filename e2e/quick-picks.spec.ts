import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { TransferPage } from "./pages/transfer-page";
import { APP_URL } from "./support/settings";
import { createUserAsAdmin } from "./support/users";

test.describe("recent recipients as quick picks", () => {
  test("fill the recipient and beneficiary, and come only from this agent's own requests", async ({ transferPage, browser, freshMobile }) => {
    // Another agent serves the same customer first, to a recipient of their own.
    const other = await createUserAsAdmin(browser, "agent", "picks");
    const otherContext = await browser.newContext({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });
    const otherPage = await otherContext.newPage();
    const login = new LoginPage(otherPage);
    await login.goto();
    await login.signIn(other.username, other.password);
    await otherPage.waitForURL("/");
    const otherTransfer = new TransferPage(otherPage);
    await otherTransfer.goto();
    await otherTransfer.send({ recipientId: "77777777", amount: "800", customerMobile: freshMobile, beneficiaryId: "OTHER1" });
    await expect(otherTransfer.result).toBeVisible();
    await otherContext.close();

    // This agent has no history with the customer yet: no picks.
    await transferPage.customerMobile.fill(freshMobile);
    await expect(transferPage.page.getByRole("button", { name: /Recipient 77777777/ })).toHaveCount(0);

    // Two transfers of this agent's own (with the other agent's, the customer's three OTPs for 15 minutes).
    for (const [recipientId, beneficiaryId, amount] of [
      ["20020020", "", "950"],
      ["10017740", "40367", "900"],
    ] as const) {
      await transferPage.send({ recipientId, amount, customerMobile: freshMobile, beneficiaryId });
      await expect(transferPage.result).toBeVisible();
      await transferPage.newTransferButton.click();
    }

    await transferPage.customerMobile.fill(`+91 ${freshMobile}`);
    const picks = transferPage.recentRecipients.getByRole("button");
    await expect(picks).toHaveCount(2);
    // Latest first.
    await expect(picks.nth(0)).toHaveText(/Recipient 10017740\s*Beneficiary 40367/);
    await expect(picks.nth(1)).toHaveText("Recipient 20020020");
    await expect(transferPage.recentRecipients).not.toContainText("77777777");

    await picks.nth(0).click();
    await expect(transferPage.recipientId).toHaveValue("10017740");
    await expect(transferPage.beneficiaryId).toHaveValue("40367");
    await expect(transferPage.amount).toBeFocused();

    await picks.nth(1).click();
    await expect(transferPage.recipientId).toHaveValue("20020020");
    await expect(transferPage.beneficiaryId).toHaveValue("");

    // Another customer: none of this customer's recipients.
    await transferPage.customerMobile.fill("6000000999");
    await expect(transferPage.recentRecipients).toBeHidden();
  });
});
