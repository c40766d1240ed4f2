import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { RequestsPage } from "./pages/requests-page";
import type { TransferPage, TransferDetails } from "./pages/transfer-page";

const istDay = (offsetDays = 0) => new Date(Date.now() + 5.5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const masked = (mobile: string) => `••••••${mobile.slice(-4)}`;

async function sendAll(transfer: TransferPage, requests: TransferDetails[]) {
  for (const details of requests) {
    await transfer.send(details);
    await expect(transfer.result.or(transfer.alert)).toBeVisible();
  }
}

test.describe("supervisors review OTP requests", () => {
  test("an agent's request appears within one refresh, without reloading", async ({ supervisorPage, transferPage, freshMobile }) => {
    const review = new RequestsPage(supervisorPage);
    await review.goto();
    await expect(review.rowsFor(masked(freshMobile))).toHaveCount(0);

    const agent = transferPage;
    await agent.send({ recipientId: "10017740", amount: "4321", customerMobile: freshMobile });
    const otpRefId = await agent.otpRefId.textContent();

    // The list does not shift under the reader: it offers the new rows, within one 5-second refresh.
    await expect(review.newRequestsButton).toBeVisible({ timeout: 7_000 });
    await review.newRequestsButton.click();
    const row = review.rowsFor(masked(freshMobile));
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("₹4,321");
    await expect(row).toContainText("Sent");
    await expect(row).toContainText("demo-agent");
    await expect(row.getByTitle(otpRefId!)).toBeVisible();
    await expect(supervisorPage.locator("body")).not.toContainText(freshMobile);
  });

  test("each filter narrows the rows; the mobile stays out of the address", async ({ supervisorPage: page, transferPage, freshMobile }) => {
    await sendAll(transferPage, [
      { recipientId: "10017740", amount: "1000", customerMobile: freshMobile },
      { recipientId: "347", amount: "2000", customerMobile: freshMobile },
      { recipientId: "10017741", amount: "3000", customerMobile: freshMobile },
    ]);
    const review = new RequestsPage(page);
    await review.goto();
    const mine = review.rowsFor(masked(freshMobile));

    await review.filter({ mobile: freshMobile });
    await expect(review.rows).toHaveCount(3);
    await expect(mine).toHaveCount(3);
    expect(page.url()).not.toContain(freshMobile.slice(-6));
    await expect(review.summary).toContainText("Customers with 3 or more OTP requests in 15 minutes");
    // An exact mobile is not in the rollups: the summary counts the ledger's rows, and says so.
    await expect(review.summary).toContainText("Counted from the ledger row by row");

    await review.filter({ outcome: "rejected" });
    await expect(review.rows).toHaveCount(1);
    await expect(review.rows).toContainText("Insufficient balance");
    expect(page.url()).toContain("outcome=rejected");

    await review.filter({ outcome: "", min: "2500" });
    await expect(review.rows).toHaveCount(1);
    await expect(review.rows).toContainText("₹3,000");

    await review.filter({ min: "", max: "1500" });
    await expect(review.rows).toHaveCount(1);
    await expect(review.rows).toContainText("₹1,000");

    await review.filter({ max: "", from: istDay(1) });
    await expect(review.rows).toHaveCount(0);
    await expect(page.getByText("No OTP requests match these filters.")).toBeVisible();

    await review.filter({ from: istDay(0), to: istDay(0) });
    await expect(review.rows).toHaveCount(3);

    await review.filter({ agent: "someone-else" });
    await expect(review.rows).toHaveCount(0);
    await review.filter({ agent: "demo-agent" });
    await expect(review.rows).toHaveCount(3);
  });

  test("the CSV export holds the row with the mobile masked", async ({ supervisorPage: page, transferPage, freshMobile }) => {
    await sendAll(transferPage, [{ recipientId: "10017740", amount: "7777", customerMobile: freshMobile }]);
    const otpRefId = (await transferPage.otpRefId.textContent())!;
    const review = new RequestsPage(page);
    await review.goto();
    await review.filter({ mobile: freshMobile });
    await expect(review.rows).toHaveCount(1);

    const [download] = await Promise.all([page.waitForEvent("download"), review.downloadCsv.click()]);
    expect(download.suggestedFilename()).toMatch(/^otp-requests-\d{12}-ist\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("time_ist,agent,user_code,customer_mobile");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(masked(freshMobile));
    expect(lines[1]).toContain(",7777,sent,");
    expect(lines[1]).toContain(otpRefId);
    expect(csv).not.toContain(freshMobile);
  });
});
