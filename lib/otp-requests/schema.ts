// zod/mini: the form ships this schema to the browser, and the mini build is a fraction of the classic one.
import * as z from "zod/mini";
import type { MessageKey } from "@/lib/i18n/translate";
import { normaliseMobile } from "./mobile";

/**
 * Shared by the form (zodResolver) and the server action (re-parse): imports nothing server- or client-only.
 * Its messages are dictionary keys (lib/i18n), shown in the agent's language; the amount range takes the bounds.
 */
export type AmountBounds = { minAmount: number; maxAmount: number };

export const otpFieldNames = ["recipientId", "amount", "customerMobile", "beneficiaryId"] as const;
export type OtpFieldName = (typeof otpFieldNames)[number];

const stripMoney = (value: string) => value.replace(/[\s,₹]/g, "");

export function createOtpRequestSchema({ minAmount, maxAmount }: AmountBounds) {
  const amountRange = { error: "error.amount.range" satisfies MessageKey };
  return z.object({
    recipientId: z.pipe(
      z.pipe(
        z
          .string({ error: "error.recipientId.required" })
          .check(z.trim(), z.minLength(1, { error: "error.recipientId.required" }), z.regex(/^\d{1,15}$/, { error: "error.recipientId.digits" })),
        z.transform((value: string) => Number(value)),
      ),
      z.int().check(z.positive({ error: "error.recipientId.positive" })),
    ),
    amount: z.pipe(
      z.pipe(
        z.pipe(z.string({ error: "error.amount.required" }), z.transform(stripMoney)),
        z.string().check(z.minLength(1, { error: "error.amount.required" }), z.regex(/^\d{1,9}(\.0{1,2})?$/, { error: "error.amount.whole" })),
      ),
      z.pipe(
        z.transform((value: string) => Math.trunc(Number(value))),
        z.number().check(z.gte(minAmount, amountRange), z.lte(maxAmount, amountRange)),
      ),
    ),
    customerMobile: z.pipe(
      z.string({ error: "error.customerMobile.required" }),
      z.transform((value: string, ctx) => {
        const mobile = normaliseMobile(value);
        if (mobile) return mobile;
        ctx.issues.push({ code: "custom", input: value, message: value.trim() ? "error.customerMobile.invalid" : "error.customerMobile.required" });
        return z.NEVER;
      }),
    ),
    beneficiaryId: z.pipe(
      z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{0,20}$/, { error: "error.beneficiaryId.format" }))),
      z.transform((value: string | undefined) => value || undefined),
    ),
  });
}

export type OtpRequestSchema = ReturnType<typeof createOtpRequestSchema>;
/** What the form holds: exactly what the agent typed. */
export type OtpRequestFormValues = z.input<OtpRequestSchema>;
/** What the server acts on: normalised and typed. */
export type OtpRequestInput = z.output<OtpRequestSchema>;
