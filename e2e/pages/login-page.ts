import type { Locator, Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../lib/demo/accounts";
import type { RoleName } from "../support/settings";
import { pageAlert } from "./alerts";

export const accountFor = (role: RoleName) => DEMO_ACCOUNTS.find((account) => account.role === role)!;

/** `/login`: "Username", "Password", "Sign in". */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel("Username");
    this.password = page.getByLabel("Password");
    this.signInButton = page.getByRole("button", { name: "Sign in" });
    this.alert = pageAlert(page);
  }

  async goto(baseUrl = "") {
    await this.page.goto(`${baseUrl}/login`);
    await this.username.waitFor();
  }

  async signIn(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  /** Signs a demo role in and waits for its start page. */
  async signInAs(role: RoleName, baseUrl = "") {
    await this.goto(baseUrl);
    const account = accountFor(role);
    await this.signIn(account.username, account.password);
    await this.page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }
}
