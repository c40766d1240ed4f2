import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AuditPage } from "./pages/audit-page";
import { pageAlert } from "./pages/alerts";
import { accountFor, LoginPage } from "./pages/login-page";
import { ANONYMOUS_STATE, stateFor } from "./support/role-api";
import type { RoleName } from "./support/settings";
import { uniqueClientAddress } from "./support/unique";
import { createUserAsAdmin } from "./support/users";

const HOME: Record<RoleName, string> = { agent: "/", supervisor: "/requests", admin: "/admin/users" };
const WRONG = "Wrong username or password, or the account is disabled.";
const SESSION_COOKIE = "better-auth.session_token";

const atPath = (path: string) => (url: URL) => url.pathname === path;

// Every test here starts signed out; none signs the shared demo sessions out. The failures these tests cause on
// purpose come from an address of this file's own (see uniqueClientAddress).
const CLIENT = { "x-forwarded-for": uniqueClientAddress() };
test.use({ storageState: ANONYMOUS_STATE, extraHTTPHeaders: CLIENT });

test.describe("signing in", () => {
  for (const role of ["agent", "supervisor", "admin"] as const) {
    test(`the demo ${role} lands on ${HOME[role]}`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(accountFor(role).username, accountFor(role).password);
      await expect(page).toHaveURL(atPath(HOME[role]));
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  }

  test("the session cookie is httpOnly and SameSite=Lax", async ({ page }) => {
    await new LoginPage(page).signInAs("supervisor");
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });

  test("a wrong password shows an alert and stays on /login", async ({ page, browser }) => {
    const user = await createUserAsAdmin(browser, "supervisor", "wrong-pass");
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.username, `${user.password}-not`);
    await expect(pageAlert(page)).toHaveText(WRONG);
    await expect(page).toHaveURL(atPath("/login"));
    await expect(login.password).toBeVisible();
  });

  test("five failures lock the username, even against the right password; the audit shows both kinds", async ({ page, browser }) => {
    const user = await createUserAsAdmin(browser, "supervisor", "throttle");
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.username, user.password);
    await expect(page).toHaveURL(atPath("/requests"));
    await page.context().clearCookies();

    // One failure by hand, four more the way a guessing script would send them: plain form posts, all at once.
    await login.goto();
    await login.signIn(user.username, "not-the-password-1");
    await expect(pageAlert(page)).toHaveText(WRONG);
    const script = await browser.newContext({ javaScriptEnabled: false, storageState: ANONYMOUS_STATE, extraHTTPHeaders: CLIENT });
    const guessers = await Promise.all([2, 3, 4, 5].map(async () => new LoginPage(await script.newPage())));
    for (const guesser of guessers) await guesser.goto();
    await Promise.all(guessers.map((guesser, n) => guesser.signIn(user.username, `not-the-password-${n + 2}`)));
    for (const guesser of guessers) await expect(guesser.alert).toHaveText(WRONG);
    await script.close();

    await login.goto();
    await login.signIn(user.username, user.password);
    await expect(pageAlert(page)).toContainText("Too many failed sign-ins");
    await expect(page).toHaveURL(atPath("/login"));

    const adminContext = await browser.newContext({ storageState: stateFor("admin") });
    const audit = new AuditPage(await adminContext.newPage());
    await audit.goto();
    await expect(audit.events("sign_in.succeeded", user.username)).toHaveCount(1);
    // Five wrong passwords; the refused right one was never checked, so it adds nothing (and cannot extend the lock).
    await expect(audit.events("sign_in.failed", user.username)).toHaveCount(5);
    await adminContext.close();
  });
});

const SIGN_OUT_FROM: readonly { role: RoleName; path: string }[] = [
  { role: "agent", path: "/" },
  { role: "supervisor", path: "/requests" },
  { role: "admin", path: "/admin/users" },
  { role: "admin", path: "/admin/audit" },
];

/**
 * Signs out with the header's button. The answer carries the login page: gzipped, except on the agent's page, whose
 * actions answer plain (lib/http/action-compression.ts).
 */
async function signOut(page: Page, from: string) {
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Sign out" }).click();
  expect(await (await answer).headerValue("content-encoding")).toBe(from === "/" ? null : "gzip");
  await expect(page).toHaveURL(atPath("/login"));
}

test.describe("signing out", () => {
  for (const { role, path } of SIGN_OUT_FROM) {
    test(`works from ${path} (${role}), and the old cookie is dead too`, async ({ page, browser }) => {
      // A session of its own: signing the shared demo session out would break other specs.
      await new LoginPage(page).signInAs(role);
      await page.goto(path);
      await expect(page).toHaveURL(atPath(path));
      const cookies = await page.context().cookies();
      expect(cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);

      await signOut(page, path);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login\?next=%2F$/);

      // The cookie as it was before signing out no longer opens anything: the session ended on the server.
      const replayed = await browser.newContext({ storageState: { cookies, origins: [] } });
      const stale = await replayed.newPage();
      await stale.goto(path);
      await expect(stale).toHaveURL(/\/login(\?|$)/);
      await replayed.close();
    });
  }
});
