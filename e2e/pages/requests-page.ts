import type { Locator, Page } from "@playwright/test";

export type RequestFilters = { outcome?: string; agent?: string; from?: string; to?: string; min?: string; max?: string; mobile?: string };

/** The supervisors' review at `/requests`. */
export class RequestsPage {
  readonly rows: Locator;
  readonly newRequestsButton: Locator;
  readonly downloadCsv: Locator;
  readonly summary: Locator;
  readonly from: Locator;
  readonly to: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator("tbody tr");
    this.newRequestsButton = page.getByRole("button", { name: /new requests?$/ });
    this.downloadCsv = page.getByRole("button", { name: "Download CSV" });
    this.summary = page.getByRole("region", { name: "Summary of the filtered requests" });
    this.from = page.getByLabel("From (IST)");
    this.to = page.getByLabel("To (IST)");
  }

  async goto(baseUrl = "", query = "") {
    await this.page.goto(`${baseUrl}/requests${query}`);
    await this.page.getByRole("heading", { name: "OTP requests", exact: true }).waitFor();
  }

  /** A quick date choice: Today, Yesterday, Last 7 days, This month, All dates. */
  dateChoice(name: string) {
    return this.page.getByRole("navigation", { name: "Dates" }).getByRole("link", { name, exact: true });
  }

  rowsFor(maskedMobile: string) {
    return this.rows.filter({ hasText: maskedMobile });
  }

  async filter(filters: RequestFilters) {
    const form = this.page.getByRole("form", { name: "Filter requests" });
    if (filters.outcome !== undefined) await form.getByLabel("Outcome").selectOption(filters.outcome);
    if (filters.agent !== undefined) await form.getByLabel("Agent").fill(filters.agent);
    if (filters.from !== undefined) await form.getByLabel("From (IST)").fill(filters.from);
    if (filters.to !== undefined) await form.getByLabel("To (IST)").fill(filters.to);
    if (filters.min !== undefined) await form.getByLabel("Min amount (₹)").fill(filters.min);
    if (filters.max !== undefined) await form.getByLabel("Max amount (₹)").fill(filters.max);
    if (filters.mobile !== undefined) await form.getByLabel("Customer mobile (exact)").fill(filters.mobile);
    await form.getByRole("button", { name: "Apply filters" }).click();
  }
}
