import type { Locator, Page } from "@playwright/test";
import { pageAlert } from "./alerts";

export type TransferDetails = { recipientId: string; amount: string; customerMobile: string; beneficiaryId?: string };

/** The agent's transfer form at `/`, by the labels and names an agent sees. */
export class TransferPage {
  readonly recipientId: Locator;
  readonly amount: Locator;
  readonly customerMobile: Locator;
  readonly beneficiaryId: Locator;
  readonly sendButton: Locator;
  readonly alert: Locator;
  readonly otpRefId: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.recipientId = page.getByLabel("Recipient ID");
    this.amount = page.getByLabel("Amount (₹)");
    this.customerMobile = page.getByLabel("Customer mobile");
    this.beneficiaryId = page.getByLabel("Beneficiary ID");
    this.sendButton = page.getByRole("button", { name: /Send(ing)? OTP/ });
    this.alert = pageAlert(page);
    this.otpRefId = page.getByTestId("otp-ref-id");
    this.result = page.getByRole("region", { name: /OTP sent/ });
  }

  async goto() {
    await this.page.goto("/");
    await this.recipientId.waitFor();
  }

  async fill(details: TransferDetails) {
    await this.recipientId.fill(details.recipientId);
    await this.amount.fill(details.amount);
    await this.customerMobile.fill(details.customerMobile);
    await this.beneficiaryId.fill(details.beneficiaryId ?? "");
  }

  async send(details: TransferDetails) {
    await this.fill(details);
    await this.sendButton.click();
  }
}
