import "server-only";
import { cookies } from "next/headers";
import { LANG_COOKIE, localeOr, type Locale } from "./locales";
import { i18nFor } from "./dictionaries";
import type { I18n } from "./translate";

/** The language of this request: the `desk-lang` cookie, English without one. */
export async function getLocale(): Promise<Locale> {
  return localeOr((await cookies()).get(LANG_COOKIE)?.value);
}

export async function getTranslator(): Promise<I18n> {
  return i18nFor(await getLocale());
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Not httpOnly on purpose: it holds only "en" or "hi", and the page may read it. */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LANG_COOKIE, locale, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax" });
}
