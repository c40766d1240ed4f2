import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { AdminUsersPage } from "./pages/admin-users-page";
import { pageAlert } from "./pages/alerts";
import { LoginPage } from "./pages/login-page";
import { TransferPage } from "./pages/transfer-page";
import { FORBIDDEN_TEXT, PAGE_ACCESS, PAGES, ROUTE_STATUS, ROUTES } from "./support/access-matrix";
import { editFormFields, sendOtpBody } from "./support/action-body";
import { captureAction, replayAction, type CapturedAction } from "./support/action-capture";
import { apiAs, stateFor, type Caller } from "./support/role-api";
import { APP_URL } from "./support/settings";
import { TEST_PASSWORD, uniqueClientAddress, uniqueMobile, uniqueUsername } from "./support/unique";
import { createUserAsAdmin } from "./support/users";

const CALLERS: readonly Caller[] = ["anonymous", "agent", "supervisor", "admin"];

for (const caller of CALLERS) {
  test.describe(`as ${caller}`, () => {
    test.use({ storageState: stateFor(caller) });

    for (const path of PAGES) {
      const outcome = PAGE_ACCESS[caller][path];
      const label = outcome.kind === "redirect" ? `redirects to ${outcome.to}` : outcome.kind === "ok" ? "opens" : "is 403";
      test(`page ${path} ${label}`, async ({ page }) => {
        const response = await page.goto(path);
        const url = new URL(page.url());
        if (outcome.kind === "redirect") {
          expect(`${url.pathname}${url.search}`).toBe(outcome.to);
          expect(response?.status()).toBe(200);
          return;
        }
        expect(url.pathname).toBe(path);
        if (outcome.kind === "forbidden") {
          expect(response?.status()).toBe(403);
          await expect(page.getByRole("heading", { name: FORBIDDEN_TEXT })).toBeVisible();
        } else {
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await expect(page.getByText(FORBIDDEN_TEXT)).toHaveCount(0);
        }
      });
    }

    for (const route of ROUTES) {
      test(`POST ${route.path} answers ${ROUTE_STATUS[caller]}`, async ({ playwright }) => {
        const api = await apiAs(playwright, caller);
        const response = await api.post(route.path, { ...route.body, maxRedirects: 0 });
        expect(response.status()).toBe(ROUTE_STATUS[caller]);
        if (caller !== "supervisor") expect(await response.json()).toHaveProperty("error");
        await api.dispose();
      });
    }
  });
}

test.describe("route handlers take POSTs only from the desk's own pages", () => {
  for (const route of ROUTES) {
    test(`POST ${route.path} with the supervisor's cookie from another site is refused`, async ({ playwright }) => {
      const api = await apiAs(playwright, "supervisor");
      const foreign: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }];
      for (const headers of foreign) {
        const response = await api.post(route.path, { ...route.body, headers, maxRedirects: 0 });
        expect(response.status(), JSON.stringify(headers)).toBe(403);
        expect(await response.json()).toEqual({ error: "This request did not come from the desk's own pages. Open the desk and try again there." });
      }
      const own = await api.post(route.path, { ...route.body, headers: { "sec-fetch-site": "same-origin", origin: APP_URL }, maxRedirects: 0 });
      expect(own.status()).toBe(200);
      await api.dispose();
    });
  }
});

test("a production build has no route that calls Eko without a session", async ({ playwright }) => {
  // The build the suite runs against (npm test builds without BENCH_BARE_ROUTES): the bench's routes are not in it.
  const routes = Object.keys(JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>);
  expect(routes).toContain("/api/requests/route");
  expect(routes.filter((route) => route.includes("bench"))).toEqual([]);
  const api = await apiAs(playwright, "anonymous");
  expect((await api.post("/api/bench/bare-otp", { data: {}, maxRedirects: 0 })).status()).toBe(404);
  await api.dispose();
});

test.describe("a disabled account", () => {
  test("can no longer sign in, and its open session stops working", async ({ browser }) => {
    const user = await createUserAsAdmin(browser, "supervisor", "disable-me");

    // Its refused sign-in is counted against an address of its own (see uniqueClientAddress).
    const theirs = await browser.newContext({ storageState: stateFor("anonymous"), extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });
    const theirPage = await theirs.newPage();
    const login = new LoginPage(theirPage);
    await login.goto();
    await login.signIn(user.username, user.password);
    await expect(theirPage).toHaveURL(/\/requests$/);

    const adminContext = await browser.newContext({ storageState: stateFor("admin") });
    const admin = new AdminUsersPage(await adminContext.newPage());
    await admin.goto();
    await admin.disable(user.username);
    await expect(admin.row(user.username)).toContainText("Disabled");
    await adminContext.close();

    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/login(\?|$)/);

    await login.goto();
    await login.signIn(user.username, user.password);
    await expect(pageAlert(theirPage)).toContainText("Wrong username or password, or the account is disabled.");
    await expect(theirPage).toHaveURL(/\/login$/);
    await theirs.close();
  });
});

test.describe("server actions sent by a script", () => {
  let sendOtp: CapturedAction;
  let addUser: CapturedAction;
  let changeUser: CapturedAction;
  // Created and then disabled by the admin while the admin actions were recorded.
  const target = uniqueUsername("target");

  test.beforeAll(async ({ browser }) => {
    const agentContext = await browser.newContext({ storageState: stateFor("agent") });
    const transfer = new TransferPage(await agentContext.newPage());
    await transfer.goto();
    await transfer.fill({ recipientId: "10017740", amount: "1200", customerMobile: uniqueMobile() });
    sendOtp = await captureAction(transfer.page, () => transfer.submitAndConfirm());
    await expect(transfer.result).toBeVisible();
    await agentContext.close();

    const adminContext = await browser.newContext({ storageState: stateFor("admin") });
    const admin = new AdminUsersPage(await adminContext.newPage());
    await admin.goto();
    addUser = await captureAction(admin.page, () => admin.addUser({ username: target, password: TEST_PASSWORD, role: "agent", userCode: "20810200" }));
    changeUser = await captureAction(admin.page, () => admin.disable(target));
    await adminContext.close();
  });

  for (const caller of ["anonymous", "supervisor", "admin"] as const) {
    test(`sendOtpAction refuses ${caller} and nothing reaches Eko`, async ({ playwright, sim, freshMobile }) => {
      const api = await apiAs(playwright, caller);
      const reply = await replayAction(api, sendOtp, { body: sendOtpBody(sendOtp.body, { customerMobile: freshMobile, newSubmission: true }) });
      expect(reply.result).toEqual({ status: "refused", reason: caller === "anonymous" ? "signed-out" : "forbidden" });
      expect(reply.text).not.toContain("otpRefId");
      expect(await sim.received(freshMobile)).toHaveLength(0);
      await api.dispose();
    });
  }

  test("the same replay with the agent's session is sent (the refusals above are the role's, not the replay's)", async ({ playwright, sim, freshMobile }) => {
    const api = await apiAs(playwright, "agent");
    const reply = await replayAction(api, sendOtp, { body: sendOtpBody(sendOtp.body, { customerMobile: freshMobile, newSubmission: true }) });
    expect(reply.result).toMatchObject({ status: "sent" });
    expect(await sim.received(freshMobile)).toHaveLength(1);
    await api.dispose();
  });

  for (const caller of ["anonymous", "agent", "supervisor"] as const) {
    test(`addUserAction and changeUserAction refuse ${caller}`, async ({ playwright, browser }) => {
      const api = await apiAs(playwright, caller);
      const intruder = uniqueUsername("intruder");
      const reason = caller === "anonymous" ? "signed-out" : "forbidden";
      const added = await replayAction(api, addUser, { body: editFormFields(addUser.body, { username: intruder, role: "admin", userCode: "" }) });
      expect(added.result).toEqual({ status: "refused", reason });
      const enabled = await replayAction(api, changeUser, { body: editFormFields(changeUser.body, { op: "enable", username: target }) });
      expect(enabled.result).toEqual({ status: "refused", reason });
      await api.dispose();

      const adminContext = await browser.newContext({ storageState: stateFor("admin") });
      const admin = new AdminUsersPage(await adminContext.newPage());
      await admin.goto();
      await expect(admin.row(target)).toContainText("Disabled");
      await expect(admin.row(intruder)).toHaveCount(0);
      await adminContext.close();
    });
  }
});
