import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pageAlert } from "./pages/alerts";
import { seriousViolations } from "./support/axe";
import { applyLook, LOOKS, renderedLook, type Look } from "./support/look";
import { stateFor, type Caller } from "./support/role-api";
import { confirmIfAsked, fillAndSend, transferForm } from "./support/transfer-flow";
import { uniqueMobile } from "./support/unique";

/** Text that screen readers announce when it appears: a status, an alert or another live region. */
const liveRegions = (page: Page) =>
  page.locator('main :is([role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"], output)').filter({ hasText: /\S/ });

/**
 * Checks the page in one look: `check(label)` runs axe on what it shows now and records each serious or critical
 * violation; `assertNone()` then fails once, listing them all by look, state, rule, impact and element.
 */
function axeChecker(page: Page, look: Look) {
  const found: string[] = [];
  return {
    async check(label: string) {
      const rendered = await renderedLook(page);
      // Each look really applied: a dropped cookie must not quietly turn four checks into one.
      expect(rendered.lang, "<html lang> follows desk-lang").toMatch(new RegExp(`^${look.lang}\\b`));
      expect(rendered.dark, "<html> is dark exactly when desk-theme is dark").toBe(look.theme === "dark");
      const where = `${look.lang}/${look.theme}, html lang=${rendered.lang}${rendered.dark ? " dark" : ""}, ${label}`;
      found.push(...(await seriousViolations(page)).map((line) => `[${where}] ${line}`));
    },
    assertNone() {
      expect(found, `serious or critical axe violations on ${page.url()}`).toEqual([]);
    },
  };
}

/** Opens `path` and waits until its main heading is shown (a language-neutral sign the page is there). */
async function open(page: Page, path: string, expectedStatus = 200) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(expectedStatus);
  await expect(page.locator("h1").first()).toBeVisible();
}

const PAGES: { caller: Caller; name: string; path: string; status?: number; ready?: (page: Page) => Promise<void> }[] = [
  { caller: "anonymous", name: "sign-in page", path: "/login" },
  { caller: "agent", name: "403 page", path: "/requests", status: 403 },
  { caller: "agent", name: "404 page", path: "/no-such-page", status: 404 },
  {
    caller: "supervisor",
    name: "supervisors' review",
    path: "/requests",
    // The summary is fetched by the browser once the page is there.
    ready: async (page) => expect(page.locator("main section dl")).toBeVisible(),
  },
  {
    caller: "supervisor",
    name: "supervisors' transfers",
    path: "/requests/transfers",
    ready: async (page) => expect(page.getByTestId("outcomes-chart")).toBeVisible(),
  },
  { caller: "admin", name: "admin's users", path: "/admin/users", ready: async (page) => expect(page.locator("main form").first()).toBeVisible() },
  { caller: "admin", name: "admin's audit trail", path: "/admin/audit", ready: async (page) => expect(page.locator("main table")).toBeVisible() },
];

for (const look of LOOKS) {
  test.describe(`accessibility, ${look.lang}, ${look.theme}: no serious or critical axe violations (WCAG 2 A/AA)`, () => {
    for (const { caller, name, path, status, ready } of PAGES) {
      test.describe(() => {
        test.use({ storageState: stateFor(caller) });
        test(`${name} (${path} as ${caller})`, async ({ page }) => {
          const axe = axeChecker(page, look);
          await applyLook(page, look);
          await open(page, path, status);
          await ready?.(page);
          await axe.check(path);
          axe.assertNone();
        });
      });
    }

    // The walks through the counter's states in two looks, English light and Hindi dark: each language and each
    // theme once (the pages above take all four); all four doubled the suite's longest spec.
    const walks = (look.lang === "en") === (look.theme === "light");
    if (walks)
      test.describe(() => {
        test.use({ storageState: stateFor("agent") });

        // One load, through each state in turn: as shown, with field errors, refused by Eko, with the result.
        test("the counter from the customer's mobile (/, /customers/…) through each step", async ({ page, sim }) => {
          const axe = axeChecker(page, look);
          await applyLook(page, look);
          await open(page, "/");
          await axe.check("counter as shown");
          const submit = page.locator('main form button[type="submit"]').first();
          await page.locator('input[name="customerMobile"]').fill("6333333333");
          await submit.click();
          // Not enrolled: the customer's page asks for their details (the enrolment steps have their own spec).
          await expect(page.locator('input[name="name"]')).toBeVisible();
          await axe.check("customer not enrolled");
          await open(page, "/");

          const mobile = uniqueMobile();
          await page.locator('input[name="customerMobile"]').fill(mobile);
          await submit.click();
          const otp = page.locator('input[name="otp"]');
          await expect(otp).toBeVisible();
          await axe.check("verification OTP");
          await otp.fill(await sim.lastOtp(mobile, "sender"));
          await page.locator('main form button[type="submit"]').first().click();
          await expect(page.getByTestId("recipient-choices")).toBeVisible();
          await axe.check("customer's card and recipients");

          await page.locator('a[href$="/add-recipient"]').click();
          await page.locator('input[name="account"]').fill("123456789012");
          await page.locator('main form button[type="submit"]').click();
          await expect(page.locator('input[name="name"]')).toHaveAttribute("aria-invalid", "true");
          await axe.check("add a recipient, with field errors");
          axe.assertNone();
        });

        test("the transfer form (/enter-ids as agent) as shown and with field errors, failure alert, confirmation, OTP result", async ({ page }) => {
          const axe = axeChecker(page, look);
          await applyLook(page, look);
          await open(page, "/enter-ids");
          const form = transferForm(page);
          const mobile = uniqueMobile();
          await axe.check("form as shown");

          await fillAndSend(page, { recipientId: "12ab", amount: "99", customerMobile: "5123456789" });
          for (const field of [form.recipientId, form.amount, form.customerMobile]) {
            await expect(field).toHaveAttribute("aria-invalid", "true");
            await expect(field).toHaveAccessibleDescription(/\S/);
          }
          await axe.check("field errors");

          // The simulator refuses recipient 347: insufficient balance.
          await fillAndSend(page, { recipientId: "347", amount: "1500", customerMobile: mobile });
          await confirmIfAsked(page, async (dialog) => {
            await expect(dialog).toHaveAccessibleName(/\S/);
            // The whole page: what lies behind a modal dialog must be hidden from assistive technology too.
            await axe.check("confirmation dialog");
          });
          await expect(pageAlert(page)).toBeVisible();
          await expect(page.getByTestId("otp-ref-id")).toBeHidden();
          await axe.check("failure alert");

          await fillAndSend(page, { recipientId: "10017740", amount: "1500", customerMobile: mobile });
          await confirmIfAsked(page);
          await expect(page.getByTestId("otp-ref-id")).toBeVisible();
          await expect(liveRegions(page).first()).toBeVisible();
          await axe.check("OTP result");
          axe.assertNone();
        });
      });
  });
}
