import { OutcomeBadge } from "@/components/outcome-badge";
import { formatIndiaTime, formatRupees } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { ReviewRow } from "@/lib/otp-requests/review-filters";

/** The agent's own latest requests, so they can answer "did that one go?" without asking a supervisor. */
export function MyRecentRequests({ rows, locale, t }: { rows: ReviewRow[]; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="my-recent" className="mt-8">
      <h2 id="my-recent" className="text-base font-semibold">
        {t("recent.title")}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("recent.none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0">
                <span className="font-mono">{row.customerMobileMasked}</span> · {formatRupees(row.amount, locale)} ·{" "}
                {t("recent.recipient", { recipientId: row.recipientId })}
                <span className="block text-xs text-slate-500">{formatIndiaTime(row.createdAt, locale)}</span>
              </span>
              <OutcomeBadge state={row.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
