import type { Locator, Page } from "@playwright/test";
import { pageAlert } from "../pages/alerts";

export type TransferValues = { recipientId: string; amount: string; customerMobile: string };

/** The transfer form's inputs by their field names (the shared schema's), so they are found in any language. */
export function transferForm(page: Page) {
  const form = page.locator("form").filter({ has: page.locator('input[name="recipientId"]') });
  const field = (name: keyof TransferValues) => form.locator(`input[name="${name}"]`);
  return {
    form,
    recipientId: field("recipientId"),
    amount: field("amount"),
    customerMobile: field("customerMobile"),
    send: form.locator('button[type="submit"]').first(),
  };
}

/** Fills the form and presses its "Send OTP" (in whatever language it is labelled). */
export async function fillAndSend(page: Page, values: TransferValues): Promise<void> {
  const form = transferForm(page);
  await form.recipientId.fill(values.recipientId);
  await form.amount.fill(values.amount);
  await form.customerMobile.fill(values.customerMobile);
  await form.send.click();
}

/** What the agent sees once Eko has answered: the result's otp_ref_id, or an alert. */
export const transferOutcome = (page: Page): Locator => page.getByTestId("otp-ref-id").or(pageAlert(page));

/** "Confirm and send OTP" in English; the Hindi wording says पुष्टि (confirm). */
const CONFIRM_BUTTON = /Confirm and send OTP|पुष्टि/;

/**
 * After "Send OTP": when the desk asks for confirmation (role="dialog"), hands the dialog to `onDialog` (to check or
 * photograph it), presses "Confirm and send OTP", then waits for Eko's answer. Desks without the dialog answer
 * straight away. Returns whether a dialog was shown.
 */
export async function confirmIfAsked(page: Page, onDialog?: (dialog: Locator) => Promise<void>): Promise<boolean> {
  const dialog = page.getByRole("dialog");
  const outcome = transferOutcome(page);
  await dialog.or(outcome).first().waitFor();
  const asked = await dialog.isVisible();
  if (asked) {
    await onDialog?.(dialog);
    await dialog.getByRole("button", { name: CONFIRM_BUTTON }).click();
  }
  await outcome.first().waitFor();
  return asked;
}
