import { expect, type Locator, type Page } from "@playwright/test";
import type { SimClient } from "../support/sim-client";
import { pageAlert } from "./alerts";

/** The counter from the customer's mobile: look-up, verification, the customer's card and their recipients (English). */
export class CounterPage {
  readonly mobile: Locator;
  readonly lookUpButton: Locator;
  readonly verificationOtp: Locator;
  readonly verifyButton: Locator;
  readonly resendButton: Locator;
  readonly card: Locator;
  readonly remaining: Locator;
  readonly recipients: Locator;
  readonly amount: Locator;
  readonly addRecipientLink: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.mobile = page.getByLabel("Customer's mobile");
    this.lookUpButton = page.getByRole("button", { name: "Look up customer" });
    this.verificationOtp = page.getByLabel("Customer's verification OTP");
    this.verifyButton = page.getByRole("button", { name: "Verify customer" });
    this.resendButton = page.getByRole("button", { name: "Send the OTP again" });
    this.card = page.getByTestId("customer-card");
    this.remaining = page.getByTestId("customer-remaining");
    this.recipients = page.getByTestId("recipient-choices");
    this.amount = page.locator('input[name="amount"]');
    this.addRecipientLink = page.getByRole("link", { name: "Add a recipient" });
    this.alert = pageAlert(page);
  }

  async lookUp(mobile: string) {
    await this.page.goto("/");
    await this.mobile.fill(mobile);
    await this.lookUpButton.click();
  }

  /** Looks the customer up and types the OTP the simulator texted them: their card and recipients follow. */
  async verify(mobile: string, sim: SimClient) {
    await this.lookUp(mobile);
    await expect(this.verificationOtp).toBeVisible();
    await this.verificationOtp.fill(await sim.lastOtp(mobile, "sender"));
    await this.verifyButton.click();
    await expect(this.card).toBeVisible();
  }

  /** The recipient card whose text matches, as a radio. */
  recipient(name: string | RegExp): Locator {
    return this.recipients.getByRole("radio", { name });
  }
}
