import type { Page } from "@playwright/test";
import { APP_URL } from "./settings";

export const LANGUAGES = ["en", "hi"] as const;
export const THEMES = ["light", "dark"] as const;
export type Look = { lang: (typeof LANGUAGES)[number]; theme: (typeof THEMES)[number] };
export const LOOKS: readonly Look[] = LANGUAGES.flatMap((lang) => THEMES.map((theme) => ({ lang, theme })));

/**
 * The language and theme the desk renders the next page load in: the `desk-lang` and `desk-theme` cookies the
 * server reads, and the matching system colour scheme. Harmless where a build does not read the cookies yet.
 */
export async function applyLook(page: Page, look: Look): Promise<void> {
  await page.context().addCookies([
    { name: "desk-lang", value: look.lang, url: APP_URL, sameSite: "Lax" },
    { name: "desk-theme", value: look.theme, url: APP_URL, sameSite: "Lax" },
  ]);
  await page.emulateMedia({ colorScheme: look.theme });
}

/** What the page says it rendered: `<html lang>` and whether `<html>` carries the `dark` class. */
export function renderedLook(page: Page): Promise<{ lang: string; dark: boolean }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dark: document.documentElement.classList.contains("dark") }));
}
