import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CounterPage } from "./pages/counter-page";
import { Preferences } from "./pages/preferences";
import { APP_URL, storageStateFor, type RoleName } from "./support/settings";

test.use({ viewport: { width: 360, height: 640 } });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const PAGES: { path: string; role: RoleName | null }[] = [
  { path: "/login", role: null },
  { path: "/", role: "agent" },
  { path: "/enter-ids", role: "agent" },
  { path: "/requests", role: "supervisor" },
  { path: "/requests/transfers", role: "supervisor" },
  { path: "/admin/users", role: "admin" },
  { path: "/admin/audit", role: "admin" },
];

test.describe("a small phone, 360×640", () => {
  for (const lang of ["en", "hi"] as const) {
    for (const { path, role } of PAGES) {
      test(`${path} (${lang}) has no horizontal scrolling and 44 px touch targets`, async ({ browser }) => {
        const context = await browser.newContext({
          baseURL: APP_URL,
          viewport: { width: 360, height: 640 },
          storageState: role ? storageStateFor(role) : { cookies: [], origins: [] },
        });
        const page = await context.newPage();
        await context.addCookies([{ name: "desk-lang", value: lang, url: APP_URL }]);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("main")).toBeVisible();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("button, a[href], input:not([type=hidden]), select")]
            .filter((el) => el.offsetParent !== null && !el.closest("table"))
            .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
            .filter(({ h }) => h < 44),
        );
        expect(small).toEqual([]);
        if (role) {
          // The signed-in header stays two rows: who is signed in under the name, and the account controls on one line.
          const header = page.locator("header");
          await expect(header.getByText(`demo-${role}`, { exact: true })).toBeVisible();
          const middle = async (box: Promise<{ y: number; height: number } | null>) => {
            const found = await box;
            if (!found) throw new Error("Not laid out");
            return found.y + found.height / 2;
          };
          const signOut = await middle(header.locator("form button[type=submit]").boundingBox());
          const language = await middle(new Preferences(page)[lang === "en" ? "toHindi" : "toEnglish"].boundingBox());
          expect(Math.abs(signOut - language)).toBeLessThan(4);
        }
        await context.close();
      });
    }
  }

  test("the transfer form asks for number keypads", async ({ transferPage }) => {
    await expect(transferPage.recipientId).toHaveAttribute("inputmode", "numeric");
    await expect(transferPage.amount).toHaveAttribute("inputmode", "numeric");
    await expect(transferPage.customerMobile).toHaveAttribute("inputmode", "tel");
    await expect(transferPage.customerMobile).toHaveAttribute("type", "tel");
  });
});

test.describe("dark mode", () => {
  test("follows the system by default, and the toggle switches it and is remembered", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: APP_URL, colorScheme: "dark", storageState: storageStateFor("agent") });
    const page = await context.newPage();
    const prefs = new Preferences(page);
    await page.goto("/");
    await expect(prefs.html()).toHaveClass(/\bdark\b/);
    await expect(prefs.darkToggle).toHaveAttribute("aria-pressed", "true");
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await prefs.darkToggle.click();
    await expect(prefs.html()).not.toHaveClass(/\bdark\b/);
    await expect(prefs.darkToggle).toHaveAttribute("aria-pressed", "false");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBackground);
    await page.reload();
    await expect(prefs.html()).not.toHaveClass(/\bdark\b/);

    await prefs.darkToggle.click();
    await expect(prefs.html()).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(prefs.html()).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    await context.close();
  });

  test("a light phone turned dark by the toggle stays dark on the sign-in page too", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: APP_URL, colorScheme: "light", storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const prefs = new Preferences(page);
    await page.goto("/login");
    await expect(prefs.html()).not.toHaveClass(/\bdark\b/);
    await prefs.darkToggle.click();
    await expect(prefs.html()).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(prefs.html()).toHaveClass(/\bdark\b/);
    await context.close();
  });
});

test.describe("a small phone, 360×640, at the counter", () => {
  test("the customer's page and adding a recipient fit, with 44 px touch targets", async ({ page, sim, freshMobile }) => {
    const counter = new CounterPage(page);
    await counter.verify(freshMobile, sim);
    const fits = async () => {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("main button, main a[href], main input:not([type=hidden]):not([type=radio])")]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
          .filter(({ h }) => h < 44),
      );
      expect(small).toEqual([]);
    };
    await fits();
    await counter.addRecipientLink.click();
    await expect(page.getByLabel("IFSC")).toBeVisible();
    await fits();
  });
});
