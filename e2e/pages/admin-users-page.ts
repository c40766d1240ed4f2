import type { Locator, Page } from "@playwright/test";
import type { RoleName } from "../support/settings";

export type NewUserDetails = { username: string; password: string; role: RoleName; userCode?: string };

/** `/admin/users`: the "Add a user" form and one row per account with its change buttons. */
export class AdminUsersPage {
  readonly addForm: Locator;

  constructor(readonly page: Page) {
    this.addForm = page.getByRole("form", { name: "Add a user" });
  }

  async goto(baseUrl = "") {
    await this.page.goto(`${baseUrl}/admin/users`);
    await this.page.getByRole("heading", { name: "Users", exact: true }).waitFor();
  }

  row(username: string): Locator {
    return this.page.locator(`tr[data-username="${username}"]`);
  }

  /** Fills and submits the form; resolves once the page says whether it worked. */
  async addUser(user: NewUserDetails) {
    await this.addForm.getByLabel("Username").fill(user.username);
    await this.addForm.getByLabel("Password").fill(user.password);
    await this.addForm.getByLabel("Role").selectOption(user.role);
    await this.addForm.getByLabel("Eko user_code").fill(user.userCode ?? "");
    await this.addForm.getByRole("button", { name: "Add user" }).click();
    await this.addForm.getByRole("status").or(this.addForm.getByRole("alert")).waitFor();
  }

  async disable(username: string) {
    await this.row(username).getByRole("button", { name: `Disable ${username}` }).click();
    await this.row(username).getByRole("status").waitFor();
  }
}
