"use server";

import { z } from "zod";
import { guardedFormAction } from "@/lib/auth/guard";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { findTransfersByMobile } from "@/lib/transfers/review";

const byMobileSchema = z.object({
  mobile: z
    .string()
    .max(20)
    .transform((value, ctx) => normaliseMobile(value) ?? (ctx.addIssue({ code: "custom", message: "filters.mobileError" }), z.NEVER)),
});

/** Supervisors only: one customer's transfers by their exact mobile, posted so the number never enters an address. */
export const findTransfersByMobileAction = guardedFormAction("findTransfersByMobile", "review", byMobileSchema, async ({ mobile }) => ({
  status: "found" as const,
  last4: mobile.slice(-4),
  rows: await findTransfersByMobile(mobile),
}));
