import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Page } from "@playwright/test";
import type { SimSms } from "@/lib/eko-sim/ppi-levin-state";
import { launchBrowser } from "../load/capture";

/** A customer's page at the counter, verified, and the session it belongs to (the page is only this session's). */
export type CustomerVisit = { id: string; cookie: string };

/**
 * A fresh mobile for the counter's look-up: starts with 8, so none of the bench's other customers (9…, the OTP path and
 * the transfers) nor the simulator's test customers (6…) share its SMS.
 */
export const freshCounterMobile = () => `8${String(randomInt(1_000_000_000)).padStart(9, "0")}`;

/** The last OTP the simulator "texted" to `mobile` for `purpose`, once it has been texted. */
async function textedOtp(sms: readonly SimSms[], mobile: string, purpose: SimSms["purpose"], timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const otp = sms.findLast((s) => s.to === mobile && s.purpose === purpose)?.otp;
    if (otp) return otp;
    if (Date.now() > until) throw new Error(`The simulator texted no ${purpose} OTP to ••••••${mobile.slice(-4)}`);
    await sleep(100);
  }
}

/** Types `value` into the field and submits the field's own form with its button. */
async function submit(page: Page, field: string, value: string) {
  await page.locator(field).fill(value);
  await page
    .locator("form", { has: page.locator(field) })
    .locator('button[type="submit"]')
    .click();
}

/**
 * A real visit at the counter, in a browser signed in with the agent's `cookie`: the customer's mobile looked up on
 * `/`, the verification OTP the simulator texted typed on the customer's page, until their recipients show.
 */
export async function customerVisit(
  baseUrl: string,
  cookie: string,
  sms: readonly SimSms[],
  log: (line: string) => void,
  mobile = freshCounterMobile(),
): Promise<CustomerVisit> {
  log("  a customer looked up and verified in a browser, for the customer's pages…");
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const [name, ...rest] = cookie.split("=");
    await context.addCookies([{ name: name!, value: rest.join("="), url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    await submit(page, 'input[name="customerMobile"]', mobile);
    await page.waitForURL((url) => /^\/customers\/[A-Za-z0-9_-]{22}$/.test(url.pathname), { timeout: 30_000 });
    const id = new URL(page.url()).pathname.split("/")[2]!;
    // A customer the simulator has not enrolled (63…) stays on the enrolment form: that page is the one measured.
    if (mobile.startsWith("63")) return { id, cookie };
    await submit(page, 'input[name="otp"]', await textedOtp(sms, mobile, "sender"));
    await page.locator('[data-testid="recipient-choices"]').waitFor({ timeout: 30_000 });
    return { id, cookie };
  } finally {
    await browser.close();
  }
}
