"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor, type I18n, type Messages } from "@/lib/i18n/translate";

const I18nContext = createContext<I18n | null>(null);

/**
 * The language the server rendered in, handed to client components so both agree on every word and number. The root
 * layout passes that language's words as a prop, so they travel once with the page (and not again on client
 * navigation, which keeps the layout): no script ships a dictionary, and a page never carries the other language.
 */
export function LocaleProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translatorFor(messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs a LocaleProvider above it");
  return value;
}
