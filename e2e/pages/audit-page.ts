import type { Locator, Page } from "@playwright/test";

/** `/admin/audit`: one row per event, newest first; columns Time, Who, What, On, Details, Address. */
export class AuditPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator("tbody tr");
  }

  async goto(baseUrl = "") {
    await this.page.goto(`${baseUrl}/admin/audit`);
    await this.page.getByRole("heading", { name: "Audit trail" }).waitFor();
  }

  /** Rows whose "What" is `action` and whose "On" is `target`. */
  events(action: string, target: string): Locator {
    return this.rows
      .filter({ has: this.page.locator("td:nth-child(3)", { hasText: new RegExp(`^${action.replace(/\./g, "\\.")}$`) }) })
      .filter({ has: this.page.locator("td:nth-child(4)", { hasText: new RegExp(`^${target.replace(/\./g, "\\.")}$`) }) });
  }
}
