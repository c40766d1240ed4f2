import type { Locator, Page } from "@playwright/test";

/**
 * The page's own alerts with text in them. Next's route announcer is also role="alert" and, after a client-side
 * navigation or refresh, holds the page title: it is left out, or it would be a second match.
 */
export function pageAlert(page: Page): Locator {
  return page.getByRole("alert").filter({ hasText: /\S/ }).and(page.locator(":not(#__next-route-announcer__)"));
}
