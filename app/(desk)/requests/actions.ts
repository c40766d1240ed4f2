"use server";

import { redirect } from "next/navigation";
import { guardedFormAction } from "@/lib/auth/guard";
import { filtersToSearchParams } from "@/lib/otp-requests/review-filters";
import { reviewFormSchema } from "@/lib/otp-requests/review-request";
import { getReviewPage } from "@/lib/otp-requests/review-service";

/**
 * Where the filter form posts when the page's script is not running (with it, the page filters in the browser).
 * The filters that may be in an address go there; an exact mobile never does: the page comes back as this answer.
 */
export const applyReviewFiltersAction = guardedFormAction("applyReviewFilters", "review", reviewFormSchema, async ({ filters, mobile }) => {
  const query = filtersToSearchParams(filters).toString();
  if (!mobile) redirect(query ? `/requests?${query}` : "/requests");
  return { status: "filtered" as const, filters, mobile, page: await getReviewPage({ filters, mobile }) };
});
