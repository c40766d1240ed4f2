import type { Locator, Page } from "@playwright/test";
import { pageAlert } from "./alerts";

export type TransferDetails = { recipientId: string; amount: string; customerMobile: string; beneficiaryId?: string };

/** The agent's transfer form at `/`, by the labels and names an agent sees (in English). */
export class TransferPage {
  readonly recipientId: Locator;
  readonly amount: Locator;
  readonly customerMobile: Locator;
  readonly beneficiaryId: Locator;
  /** The form's own button: "Send OTP", or "Sending OTP…" while Eko answers. */
  readonly sendButton: Locator;
  readonly confirmDialog: Locator;
  readonly confirmButton: Locator;
  readonly editButton: Locator;
  readonly sendAgainButton: Locator;
  readonly newTransferButton: Locator;
  readonly amountInWords: Locator;
  readonly recentRecipients: Locator;
  readonly alert: Locator;
  readonly otpRefId: Locator;
  readonly result: Locator;
  /** The transfer step under a sent OTP: the customer's OTP and "Transfer ₹N". */
  readonly customerOtp: Locator;
  readonly transferButton: Locator;
  readonly transferTitle: Locator;
  readonly receipt: Locator;

  constructor(readonly page: Page) {
    this.recipientId = page.getByLabel("Recipient ID");
    this.amount = page.getByLabel("Amount (₹)");
    this.customerMobile = page.getByLabel("Customer mobile");
    this.beneficiaryId = page.getByLabel("Beneficiary ID");
    this.sendButton = page.getByRole("button", { name: /^Send(ing)? OTP(…)?$/ });
    this.confirmDialog = page.getByRole("dialog", { name: "Confirm OTP request" });
    this.confirmButton = this.confirmDialog.getByRole("button", { name: "Confirm and send OTP" });
    this.editButton = this.confirmDialog.getByRole("button", { name: "Edit" });
    this.sendAgainButton = page.getByRole("button", { name: /^Send OTP again/ });
    this.newTransferButton = page.getByRole("button", { name: "New transfer" });
    this.amountInWords = page.getByTestId("amount-in-words");
    this.recentRecipients = page.getByRole("region", { name: "Recent recipients for this customer" });
    this.alert = pageAlert(page);
    this.otpRefId = page.getByTestId("otp-ref-id");
    this.result = page.getByRole("region", { name: /OTP sent/ });
    this.customerOtp = page.getByRole("textbox", { name: /^(Customer's OTP|ग्राहक का OTP)$/ });
    this.transferButton = page.getByRole("button", { name: /^(Transfer ₹[\d,]+|₹[\d,]+ ट्रांसफ़र करें)$/ });
    this.transferTitle = page.getByTestId("transfer-title");
    this.receipt = page.getByTestId("receipt");
  }

  /** The form for typed IDs ("Enter IDs"); `base` for an instance of its own. */
  async goto(base = "") {
    await this.page.goto(`${base}/enter-ids`);
    await this.recipientId.waitFor();
  }

  async fill(details: TransferDetails) {
    await this.customerMobile.fill(details.customerMobile);
    await this.recipientId.fill(details.recipientId);
    await this.beneficiaryId.fill(details.beneficiaryId ?? "");
    await this.amount.fill(details.amount);
  }

  /** "Send OTP" only opens the confirmation; this confirms it, which is when the request leaves. */
  async submitAndConfirm() {
    await this.sendButton.click();
    await this.confirmButton.click();
  }

  async send(details: TransferDetails) {
    await this.fill(details);
    await this.submitAndConfirm();
  }
}
