import { z } from "zod";
import { OTP_REQUEST_STATES } from "@/lib/db/schema-states";
import { normaliseMobile } from "./mobile";

/** Filters of the supervisors' review, shared by the page, the route handlers and the repository. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  // Date.parse rolls 2026-02-30 over into March: only a day that survives the round trip is a day.
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  });
// From the URL it is text; from the live table's JSON it is the number the page already parsed.
const rupees = z.union([
  z.number().int().min(0).max(999_999_999),
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** What may live in the URL. A bad value is dropped rather than failing the page. */
export const urlFiltersSchema = z.object({
  outcome: lenient(z.enum(OTP_REQUEST_STATES)),
  agent: lenient(
    z
      .string()
      .trim()
      .min(1)
      .max(64),
  ),
  from: lenient(day),
  to: lenient(day),
  min: lenient(rupees),
  max: lenient(rupees),
});
export type UrlFilters = z.output<typeof urlFiltersSchema>;

/** The URL filters plus the exact customer mobile, which travels only in request bodies, never in an address. */
export const reviewRequestSchema = z.object({
  filters: urlFiltersSchema.default({}),
  mobile: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return undefined;
      const mobile = normaliseMobile(value);
      if (mobile) return mobile;
      ctx.addIssue({ code: "custom", message: "api.mobileSearch" });
      return z.NEVER;
    }),
  cursor: z
    .string()
    .regex(/^\d{13}\.\d{1,18}$/)
    .optional(),
});
export type ReviewRequest = z.input<typeof reviewRequestSchema>;

export type ReviewCursor = { createdAt: Date; id: number };

export function encodeCursor(cursor: ReviewCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): ReviewCursor | undefined {
  if (!text) return undefined;
  const [ms, id] = text.split(".");
  return { createdAt: new Date(Number(ms)), id: Number(id) };
}

/** India-time calendar days to UTC instants: `from` inclusive at 00:00 IST, `to` inclusive to the day's end. */
export function dayRange(filters: Pick<UrlFilters, "from" | "to">): { start?: Date; end?: Date } {
  const start = filters.from ? new Date(`${filters.from}T00:00:00+05:30`) : undefined;
  const end = filters.to ? new Date(new Date(`${filters.to}T00:00:00+05:30`).getTime() + 86_400_000) : undefined;
  return { start, end };
}

export function filtersToSearchParams(filters: UrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

/** One row of the review, as the browser gets it: the mobile only masked. */
export type ReviewRow = {
  id: number;
  createdAt: string;
  agent: string;
  userCode: string;
  customerMobileMasked: string;
  recipientId: number;
  beneficiaryId: string | null;
  amount: number;
  state: (typeof OTP_REQUEST_STATES)[number];
  otpRefId: string | null;
  failureReason: string | null;
  ekoStatus: number | null;
  ekoResponseStatusId: number | null;
  ekoResponseTypeId: number | null;
  ekoMessage: string | null;
  httpStatus: number | null;
  latencyMs: number | null;
};

export type ReviewPage = { rows: ReviewRow[]; nextCursor: string | null };

export type ReviewSummary = {
  count: number;
  sent: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  topRejections: { message: string; status: number | null; count: number }[];
  flaggedCustomers: { customerMobileMasked: string; requests: number; lastAt: string }[];
};
