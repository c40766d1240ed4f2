import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { filtersToSearchParams } from "@/lib/otp-requests/review-filters";
import { currentQuickRange, QUICK_RANGES, withQuickRange, type ReviewDates } from "@/lib/otp-requests/review-dates";

type Filters = ReviewDates & Record<string, string | number | undefined>;

/**
 * The reviews' quick date choices: plain links carrying the page's other filters (never a mobile), so they work
 * before and without the page's script. The current range is marked.
 */
export function ReviewDateChoices({ path, filters, t }: { path: string; filters: Filters; t: Translate }) {
  const current = currentQuickRange(filters);
  return (
    <nav aria-label={t("dates.label")} className="col-span-full flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">{t("dates.label")}:</span>
      {QUICK_RANGES.map((choice) => (
        <Link
          key={choice}
          href={`${path}?${filtersToSearchParams(withQuickRange(filters, choice))}`}
          aria-current={choice === current ? "page" : undefined}
          prefetch={false}
          scroll={false}
          className="inline-flex min-h-11 items-center rounded-full border border-slate-300 px-3 hover:bg-slate-50 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {t(`dates.${choice}`)}
        </Link>
      ))}
    </nav>
  );
}
