import { readFileSync } from "node:fs";
import type { Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { APP_LOG, APP_URL } from "./support/settings";

const NOT_ENROLLED = "6333333333";
const AADHAAR_PENDING = "6444444444";
const NEARLY_AT_LIMIT = "6666666666";

test.describe("the counter from the customer's mobile", () => {
  test("look up, verify, pick a NEFT recipient by name, send the OTP and transfer: no ID typed", async ({
    page,
    sim,
    freshMobile,
    supervisorPage,
  }) => {
    const counter = new CounterPage(page);
    await counter.lookUp(freshMobile);
    // The customer's page is addressed by an opaque reference, never the mobile.
    await expect(page).toHaveURL(/\/customers\/[A-Za-z0-9_-]{22}$/);
    await expect(page.getByText(`Eko texted an OTP to ••••••${freshMobile.slice(-4)}`)).toBeVisible();
    await counter.verificationOtp.fill(await sim.lastOtp(freshMobile, "sender"));
    await counter.verifyButton.click();

    await expect(counter.card).toContainText("Walk-in customer");
    await expect(counter.remaining).toHaveText("₹50,000");
    await expect(counter.recipients.getByRole("radio")).toHaveCount(2);
    await expect(page.getByLabel("Recipient ID")).toHaveCount(0);
    await counter.recipient(/Madness/).check();
    await counter.amount.fill("600");
    await page.getByRole("button", { name: "Send OTP", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm OTP request" });
    await expect(dialog.getByTestId("confirm-recipient")).toHaveText("Madness, State Bank of India 43XXXXXXXXX45");
    await expect(dialog.getByTestId("confirm-mobile")).toHaveText(`••••••${freshMobile.slice(-4)}`);
    await dialog.getByRole("button", { name: "Confirm and send OTP" }).click();

    const transfer = new TransferPage(page);
    await expect(transfer.customerOtp).toBeVisible();
    await expect(page.getByTestId("transfer-recipient")).toHaveText("Madness, State Bank of India 43XXXXXXXXX45");
    const [otpCall] = (await sim.received(freshMobile)).filter((r) => r.path.endsWith("/ppi-levin/otp"));
    expect(otpCall?.body).toMatchObject({ recipient_id: 10065177, amount: 600, customer_id: freshMobile });
    await transfer.customerOtp.fill(await sim.lastOtp(freshMobile));
    await transfer.transferButton.click();
    await expect(transfer.receipt).toContainText("Cash to collect₹604");
    // The recipient allows NEFT only, as Get Recipients said: the transfer went by NEFT.
    const [initiate] = await sim.initiateCalls(freshMobile);
    expect(initiate?.body).toMatchObject({ channel: 2, recipient_id: 10065177, amount: 600 });

    // The supervisors' review names the recipient the agent picked, account masked.
    const review = new RequestsPage(supervisorPage);
    await review.goto();
    await review.filter({ mobile: freshMobile });
    await expect(review.rows).toContainText("Madness, State Bank of India 43XXXXXXXXX45");
  });

  test("in Hindi: the customer's card, a recent recipient first, and a transfer to the receipt", async ({ page, sim, freshMobile }) => {
    await page.context().addCookies([{ name: "desk-lang", value: "hi", url: APP_URL }]);
    await page.goto("/");
    await page.getByLabel("ग्राहक का मोबाइल").fill(freshMobile);
    await page.getByRole("button", { name: "ग्राहक खोजें" }).click();
    await expect(page.getByLabel("ग्राहक का पुष्टि OTP")).toBeVisible();
    await page.getByLabel("ग्राहक का पुष्टि OTP").fill(await sim.lastOtp(freshMobile, "sender"));
    await page.getByRole("button", { name: "ग्राहक की पुष्टि करें" }).click();
    await expect(page.getByTestId("customer-card")).toContainText("अभी भेज सकते हैं");
    await page.getByRole("radio", { name: /Aditya/ }).check();
    await page.locator('input[name="amount"]').fill("700");
    await page.getByRole("button", { name: "OTP भेजें", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: /पुष्टि/ }).click();
    const transfer = new TransferPage(page);
    await expect(transfer.customerOtp).toBeVisible();
    await transfer.customerOtp.fill(await sim.lastOtp(freshMobile));
    await page.getByRole("button", { name: "₹700 ट्रांसफ़र करें" }).click();
    await expect(transfer.receipt).toContainText("लेने वाली नकद राशि₹704");

    // Back on the customer's page, the recipient this agent just sent to comes first, marked recent.
    await page.reload();
    await expect(page.getByTestId("recipient-choices").getByRole("listitem").first()).toContainText("Aditya");
    await expect(page.getByTestId("recipient-choices").getByRole("listitem").first()).toContainText("हाल में");
  });

  test("a customer not enrolled lands on the enrolment form, and nothing is texted", async ({ page, sim }) => {
    const counter = new CounterPage(page);
    await counter.lookUp(NOT_ENROLLED);
    await expect(page.getByRole("heading", { name: "Enrol the customer" })).toBeVisible();
    await expect(page.getByText("••••••3333 is not enrolled with Eko yet")).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/[A-Za-z0-9_-]{22}$/);
    expect((await sim.received(NOT_ENROLLED)).every((r) => !r.path.endsWith("/otp/verify"))).toBe(true);
  });

  test("a wrong verification OTP is said plainly; the right one then verifies", async ({ page, sim, freshMobile }) => {
    const counter = new CounterPage(page);
    await counter.lookUp(freshMobile);
    await expect(counter.verificationOtp).toBeVisible();
    await counter.verificationOtp.fill("000000");
    await counter.verifyButton.click();
    await expect(counter.alert).toBeVisible();
    await expect(counter.card).toHaveCount(0);
    await counter.verificationOtp.fill(await sim.lastOtp(freshMobile, "sender"));
    await counter.verifyButton.click();
    await expect(counter.card).toBeVisible();
  });

  test("a customer with KYC pending is asked for what is missing", async ({ page, sim }) => {
    const counter = new CounterPage(page);
    await counter.lookUp(AADHAAR_PENDING);
    await expect(counter.verificationOtp).toBeVisible();
    await counter.verificationOtp.fill(await sim.lastOtp(AADHAAR_PENDING, "sender"));
    await counter.verifyButton.click();
    await expect(page.getByRole("heading", { name: "Customer's Aadhaar" })).toBeVisible();
    await expect(counter.card).toHaveCount(0);
  });

  test("the amount field knows the customer's remaining limit and refuses more, with the figure", async ({ page, sim }) => {
    const counter = new CounterPage(page);
    await counter.verify(NEARLY_AT_LIMIT, sim);
    await expect(counter.remaining).toHaveText("₹1,000");
    await counter.recipient(/Aditya/).check();
    await counter.amount.fill("1500");
    await page.getByRole("button", { name: "Send OTP", exact: true }).click();
    await expect(counter.amount).toHaveAccessibleDescription(/₹1,000 more this month/);
    expect((await sim.received(NEARLY_AT_LIMIT)).filter((r) => r.path.endsWith("/ppi-levin/otp"))).toHaveLength(0);
  });

  test("add a recipient (the bank named from the IFSC), then send to them; a duplicate is refused plainly", async ({ page, sim, freshMobile }) => {
    const counter = new CounterPage(page);
    await counter.verify(freshMobile, sim);
    const customerPage = page.url();
    const addRecipient = async () => {
      await counter.addRecipientLink.click();
      await page.getByLabel("Recipient's name").fill("Ravi Kumar");
      await page.getByLabel("Recipient's mobile").fill("9812345678");
      await page.getByLabel("Account number", { exact: true }).fill("123456789012");
      await page.getByLabel("Account number again").fill("123456789012");
      await page.getByLabel("IFSC").fill("HDFC0001234");
      await expect(page.getByText("Bank: HDFC Bank")).toBeVisible();
      await page.getByRole("button", { name: "Add recipient" }).click();
    };
    await addRecipient();
    await expect(counter.recipient(/Ravi Kumar/)).toBeChecked();
    // Masked; the full number nowhere.
    await expect(counter.recipient(/Ravi Kumar/)).toHaveAccessibleName(/(••••|X+)9012/);
    await expect(counter.recipients).not.toContainText("123456789012");
    await counter.amount.fill("450");
    await page.getByRole("button", { name: "Send OTP", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm and send OTP" }).click();
    await expect(page.getByTestId("transfer-recipient")).toHaveText(/^Ravi Kumar, HDFC Bank (••••|\w*X+)9012$/);
    const added = (await sim.received(freshMobile)).find((r) => r.path.endsWith("/recipient"));
    const [otpCall] = (await sim.received(freshMobile)).filter((r) => r.path.endsWith("/ppi-levin/otp"));
    expect(otpCall?.body.recipient_id).toBe((added?.reply?.body.data as { recipient_id?: number } | undefined)?.recipient_id);

    await page.goto(customerPage);
    await addRecipient();
    await expect(counter.alert).toContainText(/already/i);
  });

  test("the account number typed twice must match, before anything reaches Eko", async ({ page, sim, freshMobile }) => {
    const counter = new CounterPage(page);
    await counter.verify(freshMobile, sim);
    await counter.addRecipientLink.click();
    await page.getByLabel("Account number", { exact: true }).fill("123456789012");
    await page.getByLabel("Account number again").fill("123456789013");
    await page.getByRole("button", { name: "Add recipient" }).click();
    await expect(page.getByLabel("Account number again")).toHaveAccessibleDescription(/differ/);
    expect((await sim.received(freshMobile)).filter((r) => r.path.endsWith("/recipient"))).toHaveLength(0);
  });

  test("the wallet token never reaches the browser: no response, page or address carries it", async ({ page, sim, freshMobile }) => {
    const bodies: Promise<string>[] = [];
    const urls: string[] = [];
    page.on("response", (response: Response) => {
      urls.push(response.url());
      bodies.push(
        response
          .body()
          .then((b) => b.toString("utf8"))
          .catch(() => ""),
      );
    });
    const counter = new CounterPage(page);
    await counter.verify(freshMobile, sim);
    await counter.addRecipientLink.click();
    await page.getByLabel("Recipient's name").fill("Token Check");
    await page.getByLabel("Recipient's mobile").fill("9812345670");
    await page.getByLabel("Account number", { exact: true }).fill("223456789012");
    await page.getByLabel("Account number again").fill("223456789012");
    await page.getByLabel("IFSC").fill("ICIC0001234");
    await page.getByRole("button", { name: "Add recipient" }).click();
    await expect(counter.recipient(/Token Check/)).toBeChecked();

    const received = await sim.received(freshMobile);
    const verified = received.find((r) => r.path.endsWith("/otp/verify"));
    const token = (verified?.reply?.body.data as { wallet_token?: string } | undefined)?.wallet_token;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The desk used it, on the server, for Add Recipient Bank.
    expect(received.find((r) => r.path.endsWith("/bank/recipient"))?.body.wallet_token).toBe(token);
    const seen = await Promise.all(bodies);
    expect(seen.length).toBeGreaterThan(3);
    for (const body of [...seen, await page.content()]) expect(body.includes(token!)).toBe(false);
    for (const url of urls) expect(url.includes(token!) || url.includes(freshMobile)).toBe(false);
    // Nor a log line: the server's whole log so far, which holds this flow's lines.
    const log = readFileSync(APP_LOG, "utf8");
    expect(log).toContain("get-recipients");
    expect(log.includes(token!)).toBe(false);
    expect(log.includes(freshMobile)).toBe(false);
  });
});
