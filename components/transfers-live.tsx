"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { NeedsAttention } from "@/components/needs-attention";
import { NewRowsButton } from "@/components/new-rows-button";
import { OutcomesChart } from "@/components/outcomes-chart";
import { TransfersTable } from "@/components/transfers-table";
import { Stat } from "@/components/ui/stat";
import { formatNumber, formatRupees } from "@/lib/format";
import { filtersToSearchParams, LEDGER_SUMMARY_DAYS } from "@/lib/otp-requests/review-filters";
import type { TransferFilters } from "@/lib/transfers/review-filters";
import type { TransferRows, TransfersBoard } from "@/lib/transfers/review-live";
import type { TransferSummary } from "@/lib/transfers/summary-chart";
import { useI18n } from "./locale-provider";
import { useLiveTransfers } from "./use-live-transfers";

type Props = {
  filters: TransferFilters;
  /** The first answer, read by the page: the review is whole before any script runs. */
  initial: { rows: TransferRows; board: TransfersBoard };
  /** What the page draws between the attention list and the totals: the filters and the search by mobile. */
  children: ReactNode;
};

/** The supervisors' transfers, kept live: what needs attention, totals, outcomes over time, and the transfers themselves. */
export function TransfersLive({ filters, initial, children }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const live = useLiveTransfers(filters, initial);
  return (
    <>
      {live.board ? <NeedsAttention attention={live.board.attention} i18n={i18n} /> : null}
      {children}
      {live.board ? <Totals summary={live.board.summary} /> : null}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <NewRowsButton count={live.newCount} onShow={live.showNew} words="transfers" />
        <Link
          href={`/api/transfers/export?${filtersToSearchParams(filters)}`}
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
          prefetch={false}
        >
          {t("transfers.csv")}
        </Link>
      </div>
      {live.error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("transfers.refreshFailed", { reason: live.error.message })}
        </p>
      ) : null}
      <TransfersTable rows={live.rows} i18n={i18n} />
    </>
  );
}

function Totals({ summary }: { summary: TransferSummary }) {
  const i18n = useI18n();
  const { locale, t } = i18n;
  const rate = summary.count > 0 ? `${Math.round((summary.success / summary.count) * 100)}%` : "—";
  return (
    <>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="transfer-totals">
        <Stat label={t("transfers.count")} value={formatNumber(summary.count, locale)} />
        <Stat label={t("transfers.successRate")} value={rate} />
        <Stat label={t("transfers.amount")} value={formatRupees(summary.amount, locale)} />
        <Stat label={t("transfers.fees")} value={formatRupees(summary.fees, locale)} />
      </dl>
      {summary.source.kind === "ledger" ? (
        <p className="mt-2 text-sm text-slate-600" role="note" data-testid="transfer-totals-source">
          {summary.source.bounded
            ? t("transfers.fromLedgerBounded", { from: summary.source.from ?? "", to: summary.source.to ?? "", days: LEDGER_SUMMARY_DAYS })
            : t("transfers.fromLedger")}
        </p>
      ) : null}
      <OutcomesChart buckets={summary.chart} unit={summary.unit} i18n={i18n} />
    </>
  );
}
