import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { Preferences } from "./pages/preferences";
import { APP_URL } from "./support/settings";
import { createUserAsAdmin } from "./support/users";

test.describe("English and Hindi", () => {
  // No saved session: the switch works before anyone signs in.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the desk's JSON answers are in the reader's language too", async ({ playwright }) => {
    for (const [lang, sentence] of [
      ["hi", "डेस्क इस्तेमाल करने के लिए साइन इन करें।"],
      ["en", "Sign in to use the desk."],
    ] as const) {
      const api = await playwright.request.newContext({ baseURL: APP_URL, extraHTTPHeaders: { cookie: `desk-lang=${lang}` } });
      const response = await api.post("/api/requests", { data: { filters: {} } });
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: sentence });
      await api.dispose();
    }
  });

  test("the sign-in page switches to Hindi and stays so after a reload", async ({ page }) => {
    const prefs = new Preferences(page);
    await page.goto("/login");
    await expect(prefs.html()).toHaveAttribute("lang", "en");
    await prefs.toHindi.click();
    await expect(prefs.html()).toHaveAttribute("lang", "hi");
    await expect(page.getByLabel("यूज़रनेम")).toBeVisible();
    await expect(page.getByRole("button", { name: "साइन इन करें" })).toBeVisible();
    await page.reload();
    await expect(prefs.html()).toHaveAttribute("lang", "hi");
    await expect(page.getByRole("heading", { name: "साइन इन करें" })).toBeVisible();
    await prefs.toEnglish.click();
    await expect(prefs.html()).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("Username")).toBeVisible();
  });

  test("an agent's Hindi is kept on their account: across reloads, sign-out and a phone that never saw it", async ({ page, browser }) => {
    const agent = await createUserAsAdmin(browser, "agent", "hindi");
    const login = new LoginPage(page);
    const prefs = new Preferences(page);
    await login.goto();
    await login.signIn(agent.username, agent.password);
    await page.waitForURL("/");
    await prefs.toHindi.click();
    await expect(page.getByRole("heading", { name: "ग्राहक की सेवा करें" })).toBeVisible();
    await page.goto("/enter-ids");
    await expect(page.getByRole("heading", { name: "ID से OTP भेजें" })).toBeVisible();
    await expect(page.getByLabel("प्राप्तकर्ता ID")).toBeVisible();

    // The amount in words, and a validation error, in Hindi.
    await page.getByLabel("राशि (₹)").fill("125000");
    await expect(page.getByTestId("amount-in-words")).toHaveText("शब्दों में: एक लाख पच्चीस हज़ार रुपये");
    await page.getByRole("button", { name: "OTP भेजें", exact: true }).click();
    await expect(page.getByLabel("राशि (₹)")).toHaveAccessibleDescription(/₹100 से ₹25,000 तक की राशि लिखें।/);

    await page.reload();
    await expect(prefs.html()).toHaveAttribute("lang", "hi");
    await page.getByRole("button", { name: "साइन आउट" }).click();
    await page.waitForURL(/\/login/);

    // Another phone: no cookies at all, so the sign-in page is in English until the account says otherwise.
    await page.context().clearCookies();
    await login.goto();
    await expect(prefs.html()).toHaveAttribute("lang", "en");
    await login.signIn(agent.username, agent.password);
    await page.waitForURL("/");
    await expect(prefs.html()).toHaveAttribute("lang", "hi");
    await expect(page.getByRole("heading", { name: "ग्राहक की सेवा करें" })).toBeVisible();
  });
});
