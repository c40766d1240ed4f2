import Link from "next/link";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionDue } from "@/lib/transfers/queries";

/** The top of the agent's desk: their transfers that wait on them (a refund due), each a tap from its page. */
export function ActionsDue({ rows, locale, t }: { rows: ActionDue[]; locale: Locale; t: Translate }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="actions-due" className="mt-5 rounded-lg border border-amber-300 bg-amber-50 p-4 print:hidden" data-testid="actions-due">
      <h2 id="actions-due" className="text-base font-semibold text-amber-950">
        {t("actionsDue.title")}
      </h2>
      <ul className="mt-2 divide-y divide-amber-200 text-sm">
        {rows.map((row) => (
          <li key={row.ref} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0 text-amber-950">
              <span className="font-medium">{t("actionsDue.refund", { amount: formatRupees(row.amount, locale) })}</span>
              <span className="block text-xs">
                <span className="font-mono">{row.customerMobileMasked}</span>
                {row.recipientName ? ` · ${row.recipientName}` : ""} · {formatIndiaTime(row.createdAt, locale)}
              </span>
            </span>
            <Link href={`/transfers/${row.ref}`} className="inline-flex min-h-11 items-center rounded px-2 font-medium text-brand-700 underline underline-offset-2">
              {t("actionsDue.open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
