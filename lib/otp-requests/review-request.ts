import { z } from "zod";
import { OTP_REQUEST_STATES } from "@/lib/db/schema-states";
import { normaliseMobile } from "./mobile";
import { ALL_DATES, withReviewDates } from "./review-dates";
import type { UrlFilters } from "./review-filters";

/** How the server reads the supervisors' review filters: from the page's URL and from the route handlers' bodies. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  // Date.parse rolls 2026-02-30 over into March: only a day that survives the round trip is a day.
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  });
// From the URL it is text; from the live table's JSON it is the number the page already parsed.
export const rupees = z.union([
  z.number().int().min(0).max(999_999_999),
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);
export const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** What may live in the URL. A bad value is dropped rather than failing the page. */
export const urlFiltersSchema = z.object({
  outcome: lenient(z.enum(OTP_REQUEST_STATES)),
  agent: lenient(z.string().trim().min(1).max(64)),
  from: lenient(day),
  to: lenient(day),
  dates: lenient(z.literal(ALL_DATES)),
  min: lenient(rupees),
  max: lenient(rupees),
}) satisfies z.ZodType<UrlFilters, unknown>;

/** The filters as the review reads them wherever they come from: days defaulted to today (review-dates.ts). */
export const reviewFiltersSchema = urlFiltersSchema.transform((filters) => withReviewDates(filters));

const exactMobile = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return undefined;
    const mobile = normaliseMobile(value);
    if (mobile) return mobile;
    ctx.addIssue({ code: "custom", message: "api.mobileSearch" });
    return z.NEVER;
  });

/** The URL filters plus the exact customer mobile, which travels only in request bodies, never in an address. */
export const reviewRequestSchema = z.object({
  filters: reviewFiltersSchema.prefault({}),
  mobile: exactMobile,
  cursor: z
    .string()
    .regex(/^\d{13}\.\d{1,18}$/)
    .optional(),
  /** The `since` of the last page or changes the browser holds: the poll then answers only what changed after it. */
  since: z
    .string()
    .regex(/^\d{13}$/)
    .optional(),
});
export type ReviewRequest = z.input<typeof reviewRequestSchema>;

/** The summary's poll: the review request, and the version of the summary the browser already holds. */
export const summaryRequestSchema = reviewRequestSchema.extend({ knownVersion: z.string().max(64).optional() });

/** The filter form as posted (flat fields, all text), read into the same request. */
export const reviewFormSchema = urlFiltersSchema
  .extend({ mobile: exactMobile })
  .transform(({ mobile, ...filters }) => ({ filters: withReviewDates(filters), mobile }));
