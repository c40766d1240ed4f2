import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import type { OutcomeCopy } from "@/lib/otp-requests/outcome-copy";

/** What a person sees when an action refuses them, in their language. Nothing was sent in either case. */
export function refusedCopy(reason: "signed-out" | "forbidden", locale: Locale = DEFAULT_LOCALE): OutcomeCopy {
  const t = createTranslator(locale);
  return { title: t(`refused.${reason}.title`), next: t(`refused.${reason}.next`) };
}
