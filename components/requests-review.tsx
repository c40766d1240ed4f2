"use client";

import { useActionState, useState } from "react";
import { applyReviewFiltersAction } from "@/app/(desk)/requests/actions";
import { NewRowsButton } from "@/components/new-rows-button";
import { RequestsFilters } from "@/components/requests-filters";
import { RequestsSummary } from "@/components/requests-summary";
import { RequestsTable } from "@/components/requests-table";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/locale-provider";
import { useLiveRequests } from "@/components/use-live-requests";
import type { ReviewPage, UrlFilters } from "@/lib/otp-requests/review-filters";

type Props = { filters: UrlFilters; initialPage: ReviewPage };

export function RequestsReview({ filters: urlFilters, initialPage }: Props) {
  const { t } = useI18n();
  // Only a form posted without the page's script has an answer here: its filters, mobile and first page.
  const [posted, filterAction] = useActionState(applyReviewFiltersAction, null);
  const filtered = posted?.status === "filtered" ? posted : null;
  const filters = filtered?.filters ?? urlFilters;
  const [mobile, setMobile] = useState<string | undefined>(filtered?.mobile);
  // The server rendered the first page for the URL's filters; with a mobile filter the browser asks for itself.
  const live = useLiveRequests({
    filters,
    mobile,
    initialPage: mobile ? (mobile === filtered?.mobile ? filtered.page : undefined) : initialPage,
  });

  return (
    <>
      <RequestsFilters
        filters={filters}
        mobile={mobile}
        onMobileChange={setMobile}
        formAction={filterAction}
        rejectedMobile={posted?.status === "invalid" ? (posted.values?.mobile ?? "") : undefined}
      />
      {live.summary ? (
        <RequestsSummary summary={live.summary} />
      ) : (
        <p className="mt-4 flex h-[74px] items-center rounded-lg border border-slate-200 bg-white px-4 text-sm text-slate-600">
          {t("requests.summarising")}
        </p>
      )}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <NewRowsButton count={live.newCount} onShow={live.showNew} words="requests" />
        <form method="post" action="/api/requests/export">
          {Object.entries(filters).map(([key, value]) =>
            value === undefined ? null : <input key={key} type="hidden" name={key} value={String(value)} />,
          )}
          {mobile ? <input type="hidden" name="mobile" value={mobile} /> : null}
          <Button type="submit" variant="secondary">
            {t("requests.csv")}
          </Button>
        </form>
      </div>

      {live.error ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("requests.refreshFailed", { reason: live.error.message })}
        </p>
      ) : null}

      <div className="mt-3">
        {live.loading ? <p className="text-sm text-slate-600">{t("requests.loading")}</p> : <RequestsTable rows={live.rows} />}
      </div>

      {live.hasMore ? (
        <div className="mt-4 flex items-center gap-3">
          <Button type="button" variant="secondary" onClick={live.loadOlder} disabled={live.loadingOlder}>
            {live.loadingOlder ? t("requests.loadingOlder") : t("requests.older")}
          </Button>
          {live.olderError ? (
            <span role="alert" className="text-sm text-red-800">
              {t("requests.olderFailed")}
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
