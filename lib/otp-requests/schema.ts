import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/translate";
import { normaliseMobile } from "./mobile";

/**
 * Shared by the form (zodResolver) and the server action (re-parse): imports nothing server- or client-only.
 * Its messages are dictionary keys (lib/i18n), shown in the agent's language; the amount range takes the bounds.
 */
export type AmountBounds = { minAmount: number; maxAmount: number };

export const otpFieldNames = ["recipientId", "amount", "customerMobile", "beneficiaryId"] as const;
export type OtpFieldName = (typeof otpFieldNames)[number];

export function createOtpRequestSchema({ minAmount, maxAmount }: AmountBounds) {
  const amountRange = "error.amount.range" satisfies MessageKey;
  return z.object({
    recipientId: z
      .string({ error: "error.recipientId.required" })
      .trim()
      .min(1, { error: "error.recipientId.required" })
      .regex(/^\d{1,15}$/, { error: "error.recipientId.digits" })
      .transform(Number)
      .pipe(z.number().int().positive({ error: "error.recipientId.positive" })),
    amount: z
      .string({ error: "error.amount.required" })
      .transform((value) => value.replace(/[\s,₹]/g, ""))
      .pipe(
        z
          .string()
          .min(1, { error: "error.amount.required" })
          .regex(/^\d{1,9}(\.0{1,2})?$/, { error: "error.amount.whole" }),
      )
      .transform((value) => Math.trunc(Number(value)))
      .pipe(z.number().min(minAmount, { error: amountRange }).max(maxAmount, { error: amountRange })),
    customerMobile: z.string({ error: "error.customerMobile.required" }).transform((value, ctx) => {
      const mobile = normaliseMobile(value);
      if (mobile) return mobile;
      ctx.addIssue({
        code: "custom",
        message: value.trim() ? "error.customerMobile.invalid" : "error.customerMobile.required",
      });
      return z.NEVER;
    }),
    beneficiaryId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,20}$/, { error: "error.beneficiaryId.format" })
      .optional()
      .transform((value) => value || undefined),
  });
}

export type OtpRequestSchema = ReturnType<typeof createOtpRequestSchema>;
/** What the form holds: exactly what the agent typed. */
export type OtpRequestFormValues = z.input<OtpRequestSchema>;
/** What the server acts on: normalised and typed. */
export type OtpRequestInput = z.output<OtpRequestSchema>;
