import "server-only";
import type { Locale } from "./locales";
import { en } from "./messages/en";
import { hi } from "./messages/hi";
import { translatorFor, type I18n, type Messages, type Translate } from "./translate";

/**
 * Both languages, for the server, scripts and tests. Client components never import this (`server-only` makes the
 * build refuse it): they get the active language through components/locale-provider.tsx, so no script ships a
 * dictionary.
 */
export const MESSAGES: Record<Locale, Messages> = { en, hi };

const translators = new Map<Locale, Translate>();

export function createTranslator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(MESSAGES[locale])));
  return t;
}

export function i18nFor(locale: Locale): I18n {
  return { locale, t: createTranslator(locale) };
}
