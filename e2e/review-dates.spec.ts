import { readFileSync } from "node:fs";
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { RequestsPage } from "./pages/requests-page";
import { EARLIER_REQUEST } from "./support/earlier-request";
import { stateFor } from "./support/role-api";

const istDay = (offsetDays = 0) => new Date(Date.now() + 5.5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const masked = (mobile: string) => `••••••${mobile.slice(-4)}`;
const earlier = masked(EARLIER_REQUEST.mobile);

async function csvOf(page: Page, review: RequestsPage) {
  const [download] = await Promise.all([page.waitForEvent("download"), review.downloadCsv.click()]);
  return readFileSync((await download.path())!, "utf8");
}

test.describe("the reviews' dates", () => {
  test("the review opens on today, shown in the form; a request from days ago appears only in a wider range", async ({ supervisorPage: page }) => {
    const review = new RequestsPage(page);
    await review.goto();
    await expect(review.from).toHaveValue(istDay(0));
    await expect(review.to).toHaveValue(istDay(0));
    await expect(review.dateChoice("Today")).toHaveAttribute("aria-current", "page");
    await expect(review.rows.first().or(page.getByText("No OTP requests match these filters."))).toBeVisible();
    await expect(review.rowsFor(earlier)).toHaveCount(0);
    // The export of what is on screen holds today only.
    expect(await csvOf(page, review)).not.toContain(earlier);

    // The earlier request's own agent, so a first page full of the suite's other requests cannot hide it.
    await review.filter({ agent: EARLIER_REQUEST.agent });
    // The quick choices are drawn again with the new filters once the address has them.
    await expect(page).toHaveURL(new RegExp(`agent=${EARLIER_REQUEST.agent}`));
    await expect(review.dateChoice("Last 7 days")).toHaveAttribute("href", new RegExp(`agent=${EARLIER_REQUEST.agent}`));
    await expect(review.from).toHaveValue(istDay(0));
    await expect(review.rowsFor(earlier)).toHaveCount(0);

    await review.dateChoice("Yesterday").click();
    await expect(review.from).toHaveValue(istDay(-1));
    await expect(review.rowsFor(earlier)).toHaveCount(0);

    await review.dateChoice("Last 7 days").click();
    await expect(review.from).toHaveValue(istDay(-6));
    await expect(review.to).toHaveValue(istDay(0));
    await expect(review.rowsFor(earlier)).toHaveCount(1);
    await expect(review.rowsFor(earlier)).toContainText(EARLIER_REQUEST.agent);

    await review.dateChoice("All dates").click();
    await expect(page).toHaveURL(/dates=all/);
    await expect(review.from).toHaveValue("");
    await expect(review.rowsFor(earlier)).toHaveCount(1);
    expect(await csvOf(page, review)).toContain(earlier);

    // Another filter keeps the whole ledger in view until a day is typed.
    await review.filter({ min: "1000" });
    await expect(page).toHaveURL(/dates=all/);
    await expect(review.rowsFor(earlier)).toHaveCount(1);
  });

  test("the quick choices work without JavaScript, on both reviews", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: stateFor("supervisor") });
    try {
      const page = await context.newPage();
      const review = new RequestsPage(page);
      await review.goto("", `?agent=${EARLIER_REQUEST.agent}`);
      await expect(review.from).toHaveValue(istDay(0));
      await expect(review.rowsFor(earlier)).toHaveCount(0);
      await review.dateChoice("All dates").click();
      await expect(review.rowsFor(earlier)).toHaveCount(1);
      await review.dateChoice("Today").click();
      await expect(review.from).toHaveValue(istDay(0));
      await expect(review.rowsFor(earlier)).toHaveCount(0);

      await page.goto("/requests/transfers");
      await expect(page.getByLabel("From", { exact: true })).toHaveValue(istDay(0));
      await review.dateChoice("This month").click();
      await expect(page.getByLabel("From", { exact: true })).toHaveValue(`${istDay(0).slice(0, 8)}01`);
      await expect(review.dateChoice("This month")).toHaveAttribute("aria-current", "page");
    } finally {
      await context.close();
    }
  });

  test("a request made in another tab arrives through the poll, which answers only what changed", async ({
    supervisorPage: page,
    transferPage,
    freshMobile,
  }) => {
    const polls: Response[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/api/requests") polls.push(response);
    });
    const review = new RequestsPage(page);
    await review.goto();

    await transferPage.send({ recipientId: "10017740", amount: "2345", customerMobile: freshMobile });
    await expect(review.newRequestsButton).toBeVisible({ timeout: 7_000 });
    await review.newRequestsButton.click();
    await expect(review.rowsFor(masked(freshMobile))).toContainText("₹2,345");
    await expect(page.locator("body")).not.toContainText(freshMobile);

    // Each poll sent the cursor it held and got back changes, not the page again.
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect(poll.request().postDataJSON()).toHaveProperty("since");
      const answer = (await poll.json()) as { rows: { customerMobileMasked: string }[]; since: string };
      expect(answer).toHaveProperty("removed");
      expect(answer.rows.length).toBeLessThan(50);
    }
  });
});
