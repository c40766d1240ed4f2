import type { Metadata } from "next";
import Link from "next/link";
import { NeedsAttention } from "@/components/needs-attention";
import { OutcomesChart } from "@/components/outcomes-chart";
import { RefreshWhenChanged } from "@/components/refresh-when-changed";
import { TransferFiltersForm } from "@/components/transfer-filters-form";
import { TransfersByMobile } from "@/components/transfers-by-mobile";
import { TransfersTable } from "@/components/transfers-table";
import { Stat } from "@/components/ui/stat";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatNumber, formatRupees } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { filtersToSearchParams, LEDGER_SUMMARY_DAYS } from "@/lib/otp-requests/review-filters";
import { readTransferFilters } from "@/lib/transfers/review-filters";
import { getNeedsAttention, getTransfersVersion, getTransferSummary, listTransfers } from "@/lib/transfers/review";

/** As often as the requests' review polls: a transfer that needs a person shows up without a reload. */
const LIVE_EVERY_MS = 5_000;
/** Ages in the attention list are in minutes. */
const AGES_EVERY_MS = 60_000;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("transfers.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The supervisors' transfers: what needs attention, totals, outcomes over time, and the transfers themselves. */
export default async function TransfersReviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("review", "/requests/transfers");
  const filters = readTransferFilters(await searchParams);
  // The version first: a write landing while the page is read moves it past this one, so the next poll draws again.
  const version = await getTransfersVersion();
  const [attention, summary, rows] = await Promise.all([getNeedsAttention(), getTransferSummary(filters), listTransfers(filters)]);
  const i18n = await getTranslator();
  const { locale, t } = i18n;
  const rate = summary.count > 0 ? `${Math.round((summary.success / summary.count) * 100)}%` : "—";
  return (
    <div>
      <RefreshWhenChanged versionUrl="/api/transfers/version" version={version} everyMs={LIVE_EVERY_MS} atLeastEveryMs={AGES_EVERY_MS} />
      <h1 className="text-xl font-semibold">{t("transfers.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("transfers.intro")}</p>
      <NeedsAttention attention={attention} i18n={i18n} />
      <TransferFiltersForm filters={filters} t={t} />
      <TransfersByMobile />
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
      <p className="mt-4">
        <Link
          href={`/api/transfers/export?${filtersToSearchParams(filters)}`}
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
          prefetch={false}
        >
          {t("transfers.csv")}
        </Link>
      </p>
      <TransfersTable rows={rows} i18n={i18n} />
    </div>
  );
}
