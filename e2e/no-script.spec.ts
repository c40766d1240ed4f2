import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AdminUsersPage } from "./pages/admin-users-page";
import { CounterPage } from "./pages/counter-page";
import { accountFor, LoginPage } from "./pages/login-page";
import { RequestsPage } from "./pages/requests-page";
import { TransferPage } from "./pages/transfer-page";
import { ANONYMOUS_STATE, stateFor, type Caller } from "./support/role-api";
import { APP_URL } from "./support/settings";
import { TEST_PASSWORD, uniqueClientAddress, uniqueUsername } from "./support/unique";

/**
 * A slow phone that submits before the page's script runs, or a browser without it: every form still posts to the
 * desk, and nothing typed ever appears in an address (history, proxy logs).
 */
type NoScript = { context: BrowserContext; page: Page; urls: string[] };

async function withoutScript(browser: Browser, caller: Caller): Promise<NoScript> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: stateFor(caller),
    extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() },
  });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return { context, page, urls };
}

/** No address the browser asked for or landed on holds any of `typed`, as written or URL-encoded. */
function expectNoneInUrls(urls: string[], typed: string[]) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const decoded = decodeURIComponent(url.replace(/\+/g, " "));
    for (const value of typed) expect(decoded, `${value} in ${url}`).not.toContain(value);
  }
}

test.describe("without JavaScript", () => {
  test("signing in works, and neither the username nor the password reaches an address", async ({ browser }) => {
    const { context, page, urls } = await withoutScript(browser, "anonymous");
    const agent = accountFor("agent");
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(agent.username, `${agent.password}-wrong`);
    await expect(login.alert).toHaveText("Wrong username or password, or the account is disabled.");
    await expect(login.username).toHaveValue(agent.username);
    await expect(login.password).toHaveValue("");

    await login.signIn(agent.username, agent.password);
    await expect(page).toHaveURL(`${APP_URL}/`);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expectNoneInUrls(urls, [agent.username, agent.password, "password="]);
    await context.close();
  });

  test("the transfer form asks for the agent's word, sends one OTP, and keeps the mobile out of every address", async ({
    browser,
    sim,
    freshMobile,
  }) => {
    const { context, page, urls } = await withoutScript(browser, "agent");
    const transfer = new TransferPage(page);
    await transfer.goto();
    await transfer.fill({ recipientId: "10017740", amount: "1500", customerMobile: freshMobile });
    await transfer.sendButton.click();

    const confirmation = page.getByRole("region", { name: "Confirm OTP request" });
    await expect(confirmation.getByTestId("confirm-mobile")).toHaveText(`${freshMobile.slice(0, 5)} ${freshMobile.slice(5)}`);
    await expect(confirmation.getByTestId("confirm-amount")).toHaveText("₹1,500");
    expect(await sim.received(freshMobile)).toHaveLength(0);

    const [confirmPost] = await Promise.all([
      page.waitForRequest((request) => request.method() === "POST"),
      confirmation.getByRole("button", { name: "Confirm and send OTP" }).click(),
    ]);
    await expect(transfer.result).toBeVisible();
    await expect(transfer.otpRefId).not.toBeEmpty();
    expect(await sim.received(freshMobile)).toHaveLength(1);

    // The same confirmation posted again (the browser resending the page) is the same submission: still one OTP.
    const resent = await context.request.post(confirmPost.url(), {
      headers: { "content-type": confirmPost.headers()["content-type"] ?? "", origin: APP_URL },
      data: confirmPost.postDataBuffer() ?? "",
    });
    expect(resent.status()).toBe(200);
    expect(await sim.received(freshMobile)).toHaveLength(1);
    expectNoneInUrls(urls, [freshMobile, "customerMobile", "1500"]);
    await context.close();
  });

  test("the counter from the customer's mobile: look-up, verification, a new recipient and the OTP, nothing typed in an address", async ({
    browser,
    sim,
    freshMobile,
  }) => {
    const { context, page, urls } = await withoutScript(browser, "agent");
    const counter = new CounterPage(page);
    await counter.lookUp(freshMobile);
    const verificationOtp = await (async () => {
      await expect(counter.verificationOtp).toBeVisible();
      return sim.lastOtp(freshMobile, "sender");
    })();
    await counter.verificationOtp.fill(verificationOtp);
    await counter.verifyButton.click();
    await expect(counter.card).toBeVisible();

    await counter.addRecipientLink.click();
    await page.getByLabel("Recipient's name").fill("Sita Devi");
    await page.getByLabel("Recipient's mobile").fill("9812300001");
    await page.getByLabel("Account number", { exact: true }).fill("987654321098");
    await page.getByLabel("Account number again").fill("987654321098");
    await page.getByLabel("IFSC").fill("UTIB0000123");
    await page.getByRole("button", { name: "Add recipient" }).click();
    await expect(counter.recipient(/Sita Devi/)).toBeChecked();

    await counter.amount.fill("750");
    await page.getByRole("button", { name: "Send OTP", exact: true }).click();
    await page.getByRole("region", { name: "Confirm OTP request" }).getByRole("button", { name: "Confirm and send OTP" }).click();
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
    const sent = (await sim.received(freshMobile)).filter((r) => r.path.endsWith("/ppi-levin/otp"));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ amount: 750, customer_id: freshMobile });
    expectNoneInUrls(urls, [freshMobile, verificationOtp, "987654321098", "Sita"]);
    await context.close();
  });

  test("the customer's OTP moves the money once, and the OTP never reaches an address", async ({ browser, sim, freshMobile }) => {
    const { context, page, urls } = await withoutScript(browser, "agent");
    const transfer = new TransferPage(page);
    await page.goto("/enter-ids");
    await transfer.fill({ recipientId: "10017740", amount: "1200", customerMobile: freshMobile });
    await transfer.sendButton.click();
    await page.getByRole("region", { name: "Confirm OTP request" }).getByRole("button", { name: "Confirm and send OTP" }).click();
    await expect(transfer.otpRefId).not.toBeEmpty();
    const otp = await sim.lastOtp(freshMobile);
    await transfer.customerOtp.fill(otp);
    await transfer.transferButton.click();
    await expect(transfer.transferTitle).toHaveText(/^₹1,200 transferred to /);
    await expect(transfer.receipt).toContainText("Cash to collect₹1,204");
    expect(await sim.initiateCalls(freshMobile)).toHaveLength(1);
    expectNoneInUrls(urls, [otp, freshMobile]);
    await context.close();
  });

  test("a mistake in the transfer form comes back with the message and what was typed", async ({ browser, sim, freshMobile }) => {
    const { context, page, urls } = await withoutScript(browser, "agent");
    const transfer = new TransferPage(page);
    await transfer.goto();
    await transfer.fill({ recipientId: "10017740", amount: "12", customerMobile: freshMobile });
    await transfer.sendButton.click();
    await expect(page.getByText("Enter an amount from ₹100 to ₹25,000.")).toBeVisible();
    await expect(transfer.customerMobile).toHaveValue(freshMobile);
    expect(await sim.received(freshMobile)).toHaveLength(0);
    expectNoneInUrls(urls, [freshMobile]);
    await context.close();
  });

  test("the review filters by an exact mobile without putting it in the address; other filters stay bookmarkable", async ({
    browser,
    freshMobile,
  }) => {
    // One request for this customer, sent the usual way.
    const agent = await browser.newContext({ storageState: stateFor("agent") });
    const transfer = new TransferPage(await agent.newPage());
    await transfer.goto();
    await transfer.send({ recipientId: "10017740", amount: "1700", customerMobile: freshMobile });
    await expect(transfer.result).toBeVisible();
    await agent.close();

    const { context, page, urls } = await withoutScript(browser, "supervisor");
    const review = new RequestsPage(page);
    await review.goto();
    await review.filter({ mobile: freshMobile });
    await expect(review.rows).toHaveCount(1);
    await expect(review.rowsFor(`••••••${freshMobile.slice(-4)}`)).toContainText("₹1,700");
    await expect(page).toHaveURL(`${APP_URL}/requests`);

    await review.filter({ mobile: "", outcome: "sent" });
    // The review's days (today, by default) are written out with the other filters, so the address keeps its meaning.
    const today = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 10);
    await expect(page).toHaveURL(`${APP_URL}/requests?outcome=sent&from=${today}&to=${today}`);
    expectNoneInUrls(urls, [freshMobile, "mobile="]);
    await context.close();
  });

  test("admins add a user and reset a password without either password reaching an address", async ({ browser }) => {
    const { context, page, urls } = await withoutScript(browser, "admin");
    const admin = new AdminUsersPage(page);
    await admin.goto();
    const username = uniqueUsername("noscript");
    await admin.addUser({ username, password: TEST_PASSWORD, role: "supervisor" });
    await expect(admin.addForm.getByRole("status")).toHaveText(`Added ${username}.`);
    const newPassword = `${TEST_PASSWORD}-reset`;
    await admin.row(username).getByLabel(`New password for ${username}`).fill(newPassword);
    await admin.row(username).getByRole("button", { name: "Reset" }).click();
    await expect(admin.row(username).getByRole("status")).toContainText("Password reset");
    expectNoneInUrls(urls, [TEST_PASSWORD, newPassword, "password="]);
    await context.close();
  });
});

test.describe("the return path after sign-in stays on the desk", () => {
  test.use({ storageState: ANONYMOUS_STATE });

  for (const next of ["/%09/example.org", "/%5C/example.org", "//example.org", "/.//example.org", "https://example.org/", "/%0a/example.org"]) {
    test(`signed in, /login?next=${next} sends the person home, not off-site`, async ({ playwright, browser }) => {
      const api = await playwright.request.newContext({ baseURL: APP_URL, storageState: stateFor("agent") });
      const answer = await api.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(answer.status()).toBe(307);
      expect(answer.headers()["location"]).toBe("/");
      await api.dispose();

      const context = await browser.newContext({ storageState: ANONYMOUS_STATE, extraHTTPHeaders: { "x-forwarded-for": uniqueClientAddress() } });
      const page = await context.newPage();
      await page.goto(`/login?next=${next}`);
      const agent = accountFor("agent");
      await new LoginPage(page).signIn(agent.username, agent.password);
      await expect(page).toHaveURL(`${APP_URL}/`);
      await context.close();
    });
  }
});
