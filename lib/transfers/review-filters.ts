import { z } from "zod";
import { TRANSFER_STATES } from "@/lib/db/schema-states";
import { ALL_DATES, withReviewDates } from "@/lib/otp-requests/review-dates";
import { day, lenient, reviewRequestSchema, rupees } from "@/lib/otp-requests/review-request";

/**
 * The supervisors' transfer filters, as they live in the URL: India-time days, the agent, the state, an amount range.
 * An exact customer mobile never goes in the URL: it is posted (`findTransfersByMobile`).
 */
export const transferFiltersSchema = z.object({
  state: lenient(z.enum(TRANSFER_STATES)),
  agent: lenient(z.string().trim().min(1).max(64)),
  from: lenient(day),
  to: lenient(day),
  dates: lenient(z.literal(ALL_DATES)),
  min: lenient(rupees),
  max: lenient(rupees),
});
export type TransferFilters = z.infer<typeof transferFiltersSchema>;

/** Reads the page's (or the export's) search params, days defaulted to today; a bad value is dropped rather than failing the page. */
export function readTransferFilters(raw: Record<string, string | string[] | undefined>): TransferFilters {
  return withReviewDates(
    transferFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]))),
  );
}

const bodyFilters = transferFiltersSchema.prefault({}).transform((filters) => withReviewDates(filters));

/** The live table's poll (review-live.ts): the filters as the page read them, and the `since` of the rows it holds. */
export const transferRowsRequestSchema = z.object({ filters: bodyFilters, since: reviewRequestSchema.shape.since });

/** The board's poll: the filters, and the version of the board the browser holds. */
export const transfersBoardRequestSchema = z.object({ filters: bodyFilters, knownVersion: z.string().max(64).optional() });
