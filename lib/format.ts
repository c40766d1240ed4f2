import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

// Formatters are built once per locale: Intl constructors are slow, and the desk formats a lot of rows.
const perLocale = <T>(build: (tag: string) => T): Record<Locale, T> => ({ en: build(INTL_LOCALE.en), hi: build(INTL_LOCALE.hi) });

const INDIA_TIME = perLocale(
  (tag) =>
    new Intl.DateTimeFormat(tag, {
      timeZone: "Asia/Kolkata",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      second: "2-digit",
      hour12: true,
    }),
);
const INDIA_CLOCK = perLocale((tag) => new Intl.DateTimeFormat(tag, { timeZone: "Asia/Kolkata", hour: "numeric", minute: "2-digit", hour12: true }));
const INDIA_DAY_CLOCK = perLocale(
  (tag) =>
    new Intl.DateTimeFormat(tag, { timeZone: "Asia/Kolkata", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", hour12: true }),
);
const NUMBER = perLocale((tag) => new Intl.NumberFormat(tag, { numberingSystem: "latn" }));

/** Times are kept in UTC and shown in India time, labelled, whatever the device's own zone. */
export function formatIndiaTime(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${INDIA_TIME[locale].format(new Date(iso))} IST`;
}

/** "10:42 pm IST", or "27 Nov, 10:42 pm IST" with the date: for telling an agent when to come back. */
export function formatIndiaClock(iso: string, options: { withDate?: boolean; locale?: Locale } = {}): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  return `${(options.withDate ? INDIA_DAY_CLOCK : INDIA_CLOCK)[locale].format(new Date(iso))} IST`;
}

/** Indian grouping (1,25,000), Latin digits in both languages so every screen and server agree. */
export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return NUMBER[locale].format(value);
}

export function formatRupees(amount: number, locale: Locale = DEFAULT_LOCALE): string {
  return `₹${formatNumber(amount, locale)}`;
}
