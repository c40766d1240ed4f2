import { expect, test } from "./fixtures";
import type { TransferPage } from "./pages/transfer-page";
import { seriousViolations } from "./support/axe";
import { APP_URL, storageStateFor } from "./support/settings";
import type { SimClient } from "./support/sim-client";
import type { Page } from "@playwright/test";

/** The simulator leaves a transfer to this recipient in refund pending and texts the customer a refund OTP. */
const REFUND_PENDING = "10017743";

/** A transfer Eko leaves in refund pending, made through the desk; ends on the transfer's own page, from Needs action. */
async function refundPendingTransfer(transferPage: TransferPage, sim: SimClient, page: Page, customerMobile: string, amount = "500") {
  await transferPage.goto();
  await transferPage.send({ recipientId: REFUND_PENDING, amount, customerMobile });
  await expect(transferPage.otpRefId).toBeVisible();
  await transferPage.customerOtp.fill(await sim.lastOtp(customerMobile));
  await transferPage.transferButton.click();
  await expect(transferPage.transferTitle).toBeVisible();
  await page.goto("/");
  const due = page
    .getByTestId("actions-due")
    .getByRole("listitem")
    .filter({ hasText: `••••••${customerMobile.slice(-4)}` });
  await due.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/transfers\/[0-9A-Z]+$/);
  return due;
}

test.describe("refunding a transfer that failed after the money left", () => {
  test("cash back first, then the customer's refund OTP: one refund for a double click, with a receipt", async ({
    transferPage,
    sim,
    freshMobile,
    page,
    supervisorPage,
  }) => {
    await page.addInitScript(() => {
      const shared: string[] = [];
      Object.assign(window, { __shared: shared });
      navigator.share = async (data?: ShareData) => void shared.push(data?.text ?? "");
    });
    await refundPendingTransfer(transferPage, sim, page, freshMobile);
    const step = page.getByRole("region", { name: "Refund to the customer" });
    await expect(step).toContainText("Eko holds ₹500 for this customer. If they paid you, hand the cash back first.");
    await step.getByRole("button", { name: "Send refund OTP" }).click();
    await expect(step.getByTestId("refund-otp-sent")).toContainText("Eko texted the customer a refund OTP at");
    // What confirming means is said before the button.
    const cash = step.getByText("Confirming says the customer has ₹500 back in cash from you.", { exact: false });
    const confirm = step.getByRole("button", { name: "Cash returned: confirm refund" });
    await expect(cash).toBeVisible();
    const [cashBox, buttonBox] = [await cash.boundingBox(), await confirm.boundingBox()];
    expect(cashBox!.y).toBeLessThan(buttonBox!.y);
    const otpField = step.getByRole("textbox", { name: "Refund OTP from the customer's SMS" });
    await expect(otpField).toHaveAttribute("autocomplete", "one-time-code");
    expect(await seriousViolations(page)).toEqual([]);
    await otpField.fill(await sim.lastOtp(freshMobile, "refund"));
    await confirm.dblclick();

    await expect(page.getByTestId("refund-title")).toHaveText("₹500 refunded.");
    const receipt = page.getByTestId("receipt");
    await expect(receipt).toContainText("Refund receipt");
    await expect(receipt).toContainText(/Refund TID\d+/);
    await expect(receipt).toContainText("Refunded to the wallet₹504");
    await expect(receipt).not.toContainText(freshMobile);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(transferPage.transferTitle).toHaveText("This transfer was refunded.");
    expect(await sim.refundCalls(freshMobile)).toHaveLength(1);
    expect(page.url()).not.toContain(await sim.lastOtp(freshMobile, "refund"));

    await page.getByRole("button", { name: "Share receipt" }).click();
    const shared = await page.evaluate(() => (window as unknown as { __shared: string[] }).__shared);
    expect(shared[0]).toMatch(/Refund TID: \d+/);
    await page.emulateMedia({ media: "print" });
    await expect(receipt).toBeVisible();
    await expect(page.getByRole("button", { name: "Print receipt" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // In the supervisors' CSV: the latest refund's state, refund TID and the amount refunded to the wallet.
    const ref = page.url().split("/").at(-1)!;
    const csv = await (await supervisorPage.request.get("/api/transfers/export?state=refunded")).text();
    expect(csv.split("\r\n").find((l) => l.includes(ref))).toMatch(/,refunded,\d+,504,/);
    expect(csv).not.toContain(freshMobile);

    // Settled: no longer at the top of the counter.
    await page.goto("/");
    await expect(
      page
        .getByTestId("actions-due")
        .getByRole("listitem")
        .filter({ hasText: `••••••${freshMobile.slice(-4)}` }),
    ).toHaveCount(0);
  });

  test("in Hindi, a wrong refund OTP refunds nothing, and the right one refunds", async ({ transferPage, sim, freshMobile, page }) => {
    await refundPendingTransfer(transferPage, sim, page, freshMobile, "800");
    // The transfer was made in English (the transfer page's labels); the refund is done in Hindi.
    await page.context().addCookies([{ name: "desk-lang", value: "hi", url: APP_URL }]);
    await page.reload();
    const step = page.getByRole("region", { name: "ग्राहक को रिफ़ंड" });
    await step.getByRole("button", { name: "रिफ़ंड OTP भेजें" }).click();
    await expect(step.getByTestId("refund-otp-sent")).toBeVisible();
    const otpField = step.getByRole("textbox", { name: "ग्राहक के SMS वाला रिफ़ंड OTP" });
    const otp = await sim.lastOtp(freshMobile, "refund");
    await otpField.fill(otp === "123456" ? "654321" : "123456");
    await step.getByRole("button", { name: "नकद लौटा दिया: रिफ़ंड की पुष्टि करें" }).click();
    await expect(page.getByText("रिफ़ंड OTP सही नहीं है। कोई रिफ़ंड नहीं हुआ।")).toBeVisible();
    await otpField.fill(otp);
    await step.getByRole("button", { name: "नकद लौटा दिया: रिफ़ंड की पुष्टि करें" }).click();
    await expect(page.getByTestId("refund-title")).toHaveText("₹800 का रिफ़ंड हो गया।");
    await expect(page.getByTestId("receipt")).toContainText("रिफ़ंड की रसीद");
    expect(await sim.refundCalls(freshMobile)).toHaveLength(2);
  });

  test("a refund whose answer never came is settled by asking Eko while the agent watches", async ({
    transferPage,
    sim,
    freshMobile,
    page,
    supervisorPage,
  }) => {
    await refundPendingTransfer(transferPage, sim, page, freshMobile);
    const step = page.getByRole("region", { name: "Refund to the customer" });
    await step.getByRole("button", { name: "Send refund OTP" }).click();
    // Eko texted one refund OTP when the transfer failed; the one to type is the desk's, texted now.
    await expect(step.getByTestId("refund-otp-sent")).toBeVisible();
    await step.getByRole("textbox", { name: "Refund OTP from the customer's SMS" }).fill(await sim.lastOtp(freshMobile, "refund"));
    await sim.fault(freshMobile, "slow", 1);
    await step.getByRole("button", { name: "Cash returned: confirm refund" }).click();
    // "Checking the refund with Eko…" until the inquiry worker's answer lands (often before the page is drawn).
    await expect(page.getByTestId("refund-title")).toHaveText("₹500 refunded.", { timeout: 20_000 });
    expect(await sim.refundCalls(freshMobile)).toHaveLength(1);

    // The supervisor sees the refund and its calls on the transfer.
    const ref = page.url().split("/").at(-1)!;
    await supervisorPage.goto(`/requests/transfers/${ref}`);
    const calls = supervisorPage.getByTestId("transfer-calls");
    await expect(calls).toContainText("get-refund-otp");
    await expect(calls).toContainText("initiate-refund");
    // Settled by asking Eko, not by trying again.
    await expect(calls.getByRole("row").filter({ hasText: "initiate-refund" })).toContainText("(timeout)");
    await expect(calls).toContainText("transaction-inquiry");
    await expect(supervisorPage.getByRole("heading", { level: 1 })).toContainText("Refunded");
  });
});

test("without JavaScript, the refund step still sends the refund OTP and refunds, nothing typed in an address", async ({
  transferPage,
  sim,
  freshMobile,
  page,
  browser,
}) => {
  await refundPendingTransfer(transferPage, sim, page, freshMobile);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: storageStateFor("agent") });
  const plain = await context.newPage();
  const urls: string[] = [];
  plain.on("framenavigated", (frame) => urls.push(frame.url()));
  await plain.goto(page.url());
  await plain.getByRole("button", { name: "Send refund OTP" }).click();
  await expect(plain.getByTestId("refund-otp-sent")).toBeVisible();
  const otp = await sim.lastOtp(freshMobile, "refund");
  await plain.getByRole("textbox", { name: "Refund OTP from the customer's SMS" }).fill(otp);
  await plain.getByRole("button", { name: "Cash returned: confirm refund" }).click();
  await expect(plain.getByTestId("refund-title")).toHaveText("₹500 refunded.");
  expect(await sim.refundCalls(freshMobile)).toHaveLength(1);
  for (const url of urls) expect(url).not.toContain(otp);
  await context.close();
});
