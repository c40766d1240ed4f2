import type { Metadata } from "next";
import { NeedsAttention } from "@/components/needs-attention";
import { RequestsReview } from "@/components/requests-review";
import { requirePagePermission } from "@/lib/auth/guard";
import { getTranslator } from "@/lib/i18n/server";
import { reviewFiltersSchema } from "@/lib/otp-requests/review-request";
import { getReviewPage } from "@/lib/otp-requests/review-service";
import { getNeedsAttention } from "@/lib/transfers/review";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("requests.meta") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("review", "/requests");
  const raw = await searchParams;
  // Today unless the address names days or all dates (review-dates.ts); the form then shows the range it reads.
  const filters = reviewFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  // Only the first page is rendered here; the summary (an aggregate over the whole filtered range) loads in the
  // browser so a large ledger never holds up the table.
  const [page, attention] = await Promise.all([getReviewPage({ filters, mobile: undefined }), getNeedsAttention()]);
  const i18n = await getTranslator();
  const { t } = i18n;
  return (
    <div>
      <h1 className="text-xl font-semibold">{t("requests.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("requests.intro")}</p>
      <NeedsAttention attention={attention} i18n={i18n} />
      <RequestsReview filters={filters} initialPage={page} />
    </div>
  );
}
