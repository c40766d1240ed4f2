import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { devices, type Locator, type LocatorScreenshotOptions, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { RequestsPage } from "./pages/requests-page";
import { CounterPage } from "./pages/counter-page";
import { TransferPage } from "./pages/transfer-page";
import { applyLook } from "./support/look";
import { samePicture } from "./support/same-picture";
import { storageStateFor } from "./support/settings";
import { confirmIfAsked } from "./support/transfer-flow";

/** Where the README's pictures live; every run of the suite writes them again, so they show the desk as it is. */
const SCREENSHOTS = path.join(__dirname, "..", "docs", "screenshots");

/** What the pictures show being typed. The number actually sent differs per run (see `sendAs`), its last four do not. */
const SHOWN = { amount: "2500", customerMobile: "9876543210" };

const DEVICES = {
  // Pixel 7's viewport (412×915), at one device pixel per CSS pixel to keep the files small.
  phone: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, userAgent: devices["Pixel 7"].userAgent },
  desktop: {
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    userAgent: devices["Desktop Chrome"].userAgent,
  },
} as const;

let runCounter = 0;
/** A number no limit has seen yet that still ends in the shown number's last four (so masked views match it). */
function actualMobile(): string {
  runCounter += 1;
  const middle = (Math.floor(Math.random() * 90_000) + runCounter) % 100_000;
  return `9${String(middle).padStart(5, "0")}${SHOWN.customerMobile.slice(-4)}`;
}

/**
 * The pictures show one fixed customer mobile, but the per-mobile limits (3 in 15 minutes) would refuse it on a
 * second run against the same database: what the browser posts is rewritten to this run's number on its way out.
 */
async function sendAs(page: Page, mobile: string) {
  await page.route("**/*", async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes(SHOWN.customerMobile)) {
      await route.continue({ postData: body.replaceAll(SHOWN.customerMobile, mobile) });
    } else {
      await route.fallback();
    }
  });
}

/**
 * Writes `docs/screenshots/<name>.png` of the page's viewport (or all of it), or of one element when `of` is given.
 * A file that already shows the same picture is left as it is, so a run changes only what really changed.
 */
async function shoot(page: Page, name: string, options: { of?: Locator; mask?: Locator[]; fullPage?: boolean } = {}) {
  const settings = {
    animations: "disabled",
    caret: "hide",
    mask: options.mask ?? [],
    maskColor: "#cbd5e1",
    // The agent's own recent requests hold whatever the suite sent before: left out of the pictures. Times are masked,
    // and given one width, so that a longer or shorter time of day does not change the picture.
    style:
      'section[aria-labelledby="my-recent"], section[aria-labelledby="needs-attention"] { display: none !important; } time { display: inline-block !important; width: 15em !important; white-space: nowrap !important; overflow: hidden !important; vertical-align: bottom !important; }',
  } satisfies LocatorScreenshotOptions;
  const picture = options.of ? await options.of.screenshot(settings) : await page.screenshot({ ...settings, fullPage: options.fullPage ?? false });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const browser = page.context().browser();
  if (browser && existsSync(file) && (await samePicture(browser, readFileSync(file), picture))) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(file, picture);
}

test.describe("README screenshots (docs/screenshots/)", () => {
  test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  for (const [device, options] of Object.entries(DEVICES)) {
    test.describe(() => {
      test.use({ ...options, storageState: storageStateFor("agent") });

      test(`${device}: agent form, confirmation, result, receipt, supervisor review`, async ({ page, browser, sim }) => {
        const mobile = actualMobile();
        await applyLook(page, { lang: "en", theme: "light" });
        await sendAs(page, mobile);
        // The browser's clock stands still, so "Send OTP again in 30 s" reads the same whenever the picture is taken.
        await page.clock.setFixedTime(new Date("2026-11-24T10:30:00+05:30"));
        const transfer = new TransferPage(page);
        // The counter's way: the customer's mobile, their verification, then a recipient picked from their list.
        const counter = new CounterPage(page);
        await counter.lookUp(SHOWN.customerMobile);
        await expect(counter.verificationOtp).toBeVisible();
        await counter.verificationOtp.fill(await sim.lastOtp(mobile, "sender"));
        await counter.verifyButton.click();
        await counter.recipient(/Aditya/).check();
        await counter.amount.fill(SHOWN.amount);
        await counter.amount.blur();
        await shoot(page, `${device}-form`, { fullPage: true });

        await transfer.sendButton.click();
        const asked = await confirmIfAsked(page, async (dialog) => {
          await expect(dialog).toHaveAccessibleName("Confirm OTP request");
          await shoot(page, `${device}-confirmation`);
        });
        if (!asked) {
          const reason = `${device}-confirmation.png not taken: this desk sends without a confirmation dialog.`;
          test.info().annotations.push({ type: "screenshot skipped", description: reason });
          console.log(`screenshots: ${reason}`);
        }

        await expect(transfer.result).toBeVisible();
        await expect(transfer.result).toContainText(`••••••${SHOWN.customerMobile.slice(-4)}`);
        // The card alone: a scrolled page renders a pixel or two differently from run to run. The reference, the time
        // and the desk reference differ on every run.
        await shoot(page, `${device}-result`, {
          of: transfer.result,
          mask: [transfer.otpRefId, transfer.result.locator("time"), transfer.result.getByText(/^[0-9A-Z]{20}$/)],
        });

        await transfer.customerOtp.fill(await sim.lastOtp(mobile));
        await transfer.transferButton.click();
        await expect(transfer.receipt).toContainText("Cash to collect");
        const varying = transfer.receipt
          .locator("div")
          .filter({ hasText: /^(Eko TID|Bank reference|Date and time|Desk reference)/ })
          .locator("dd");
        await shoot(page, `${device}-receipt`, { of: transfer.receipt, mask: [varying] });

        const context = await browser.newContext({ ...options, storageState: storageStateFor("supervisor") });
        try {
          const supervisor = await context.newPage();
          await applyLook(supervisor, { lang: "en", theme: "light" });
          await sendAs(supervisor, mobile);
          const review = new RequestsPage(supervisor);
          await review.goto();
          await review.filter({ mobile: SHOWN.customerMobile });
          await expect(review.rows).toHaveCount(1);
          await expect(review.rows).toContainText("₹2,500");
          await expect(review.summary).toContainText("100%");
          await shoot(supervisor, `${device}-review`, {
            fullPage: true,
            mask: [
              supervisor.locator("tbody time"),
              supervisor.locator("tbody [title]"),
              supervisor.locator("tbody td:last-child"),
              review.summary.locator("dl > div").filter({ hasText: "latency" }).locator("dd"),
              // The review opens on today: its days change with the date the picture is taken.
              review.from,
              review.to,
            ],
          });
        } finally {
          await context.close();
        }
      });
    });
  }
});
