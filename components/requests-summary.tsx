"use client";

import { useI18n } from "@/components/locale-provider";
import { Stat } from "@/components/ui/stat";
import { formatIndiaTime, formatNumber } from "@/lib/format";
import { LEDGER_SUMMARY_DAYS, type ReviewSummary } from "@/lib/otp-requests/review-filters";

export function RequestsSummary({ summary }: { summary: ReviewSummary }) {
  const { locale, t } = useI18n();
  const share = summary.count > 0 ? `${Math.round((summary.sent / summary.count) * 100)}%` : "—";
  const ms = (value: number | null) => (value == null ? "—" : `${formatNumber(value, locale)} ms`);
  return (
    <section aria-label={t("summary.label")} className="mt-4 space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("summary.requests")} value={formatNumber(summary.count, locale)} />
        <Stat label={t("summary.sent")} value={share} />
        <Stat label={t("summary.p50")} value={ms(summary.p50LatencyMs)} />
        <Stat label={t("summary.p95")} value={ms(summary.p95LatencyMs)} />
      </dl>
      {summary.source.kind === "ledger" ? (
        <p className="text-sm text-slate-600" role="note">
          {summary.source.bounded
            ? t("summary.fromLedgerBounded", { from: summary.source.from ?? "", to: summary.source.to ?? "", days: LEDGER_SUMMARY_DAYS })
            : t("summary.fromLedger")}
        </p>
      ) : null}
      {summary.topRejections.length > 0 || summary.flaggedCustomers.length > 0 ? (
        <div className="grid gap-3 md:grid-cols-2">
          {summary.topRejections.length > 0 ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <h2 className="font-semibold">{t("summary.topRejections")}</h2>
              <ol className="mt-2 space-y-1">
                {summary.topRejections.map((r) => (
                  <li key={`${r.status}-${r.message}`} className="flex justify-between gap-3">
                    <span>
                      {r.message}
                      {r.status != null ? <span className="ml-1 font-mono text-xs text-slate-500">({r.status})</span> : null}
                    </span>
                    <span className="tabular-nums">{r.count}</span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {summary.flaggedCustomers.length > 0 ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" role="note" aria-label={t("summary.flagged")}>
              <h2 className="font-semibold text-amber-950">{t("summary.flaggedTitle")}</h2>
              <ul className="mt-2 space-y-1">
                {summary.flaggedCustomers.map((f) => (
                  <li key={`${f.customerMobileMasked}-${f.lastAt}`} className="flex justify-between gap-3">
                    <span className="font-mono">{f.customerMobileMasked}</span>
                    <span>{t("summary.flaggedRow", { count: f.requests, time: formatIndiaTime(f.lastAt, locale) })}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
