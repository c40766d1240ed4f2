import type { Locator, Page } from "@playwright/test";

/** The language switch and dark-mode toggle every page carries. */
export class Preferences {
  /** Named in the language it switches to: "हिन्दी" on an English page, "English" on a Hindi one. */
  readonly toHindi: Locator;
  readonly toEnglish: Locator;
  readonly darkToggle: Locator;

  constructor(readonly page: Page) {
    this.toHindi = page.getByRole("button", { name: "हिन्दी", exact: true });
    this.toEnglish = page.getByRole("button", { name: "English", exact: true });
    this.darkToggle = page.getByRole("button", { name: /^(Dark mode|डार्क मोड)$/ });
  }

  html(): Locator {
    return this.page.locator("html");
  }
}
