import { expect, test } from "./fixtures";

test.describe("a confirmation before the OTP goes out", () => {
  test("Send OTP shows the details in figures and words; Edit sends nothing; confirming sends once", async ({ transferPage, sim, freshMobile }) => {
    const page = transferPage.page;
    const recent = page.getByRole("region", { name: "My recent transfers" });
    // This customer's row in the agent's recent list (other workers' sends come and go in the same list).
    const recentRow = recent.getByText(`••••••${freshMobile.slice(-4)} · ₹12,500`);
    await transferPage.fill({ recipientId: "10017740", amount: "12,500", customerMobile: `0${freshMobile}`, beneficiaryId: "40367" });
    await transferPage.sendButton.click();

    const dialog = transferPage.confirmDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute("aria-modal", "true");
    await expect(dialog.getByTestId("confirm-mobile")).toHaveText(`${freshMobile.slice(0, 5)} ${freshMobile.slice(5)}`);
    await expect(dialog.getByTestId("confirm-recipient")).toHaveText("10017740");
    await expect(dialog.getByTestId("confirm-beneficiary")).toHaveText("40367");
    await expect(dialog.getByTestId("confirm-amount")).toHaveText("₹12,500");
    await expect(dialog.getByTestId("confirm-amount-words")).toHaveText("Twelve thousand five hundred rupees");
    await expect(transferPage.confirmButton).toBeFocused();

    // Edit: nothing reached Eko or the ledger, and the agent is back on the form with what they typed.
    await transferPage.editButton.click();
    await expect(dialog).toBeHidden();
    await expect(transferPage.sendButton).toBeFocused();
    await expect(transferPage.amount).toHaveValue("12,500");
    expect(await sim.received(freshMobile)).toHaveLength(0);
    await page.reload();
    await expect(recent).toBeVisible();
    await expect(recentRow).toHaveCount(0);

    // Escape is Edit too.
    await transferPage.fill({ recipientId: "10017740", amount: "12500", customerMobile: freshMobile });
    await transferPage.sendButton.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(transferPage.sendButton).toBeFocused();
    expect(await sim.received(freshMobile)).toHaveLength(0);

    // Confirmed from the keyboard: one request, one OTP.
    await transferPage.sendButton.press("Enter");
    await expect(transferPage.confirmButton).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(transferPage.result).toBeVisible();
    await expect(dialog).toBeHidden();
    expect(await sim.received(freshMobile)).toHaveLength(1);
    await expect(recentRow).toHaveCount(1);
  });

  test("an invalid form opens no confirmation", async ({ transferPage }) => {
    await transferPage.fill({ recipientId: "", amount: "50", customerMobile: "12345" });
    await transferPage.sendButton.click();
    await expect(transferPage.customerMobile).toHaveAttribute("aria-invalid", "true");
    await expect(transferPage.confirmDialog).toBeHidden();
  });
});
