import type { Metadata } from "next";
import { TransferFiltersForm } from "@/components/transfer-filters-form";
import { TransfersByMobile } from "@/components/transfers-by-mobile";
import { TransfersLive } from "@/components/transfers-live";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { readTransferFilters } from "@/lib/transfers/review-filters";
import { getTransferRows, readTransfersBoard } from "@/lib/transfers/review-live";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("transfers.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The supervisors' transfers, drawn whole here and then kept live in the browser (TransfersLive). */
export default async function TransfersReviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("review", "/requests/transfers");
  const filters = readTransferFilters(await searchParams);
  const [rows, board, { t }] = await Promise.all([getTransferRows({ filters }), readTransfersBoard(filters), getTranslator()]);
  return (
    <div>
      <h1 className="text-xl font-semibold">{t("transfers.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("transfers.intro")}</p>
      <TransfersLive filters={filters} initial={{ rows, board }}>
        <TransferFiltersForm filters={filters} t={t} />
        <TransfersByMobile />
      </TransfersLive>
    </div>
  );
}
