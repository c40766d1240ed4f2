import { z } from "zod";
import { normaliseMobile } from "./mobile";

/** Shared by the form (zodResolver) and the server action (re-parse): imports nothing server- or client-only. */
export type AmountBounds = { minAmount: number; maxAmount: number };

export const otpFieldNames = ["recipientId", "amount", "customerMobile", "beneficiaryId"] as const;
export type OtpFieldName = (typeof otpFieldNames)[number];

const rupees = (value: number) => `₹${value.toLocaleString("en-IN")}`;

export function createOtpRequestSchema({ minAmount, maxAmount }: AmountBounds) {
  const amountRange = `Enter an amount from ${rupees(minAmount)} to ${rupees(maxAmount)}.`;
  return z.object({
    recipientId: z
      .string({ error: "Enter the recipient ID." })
      .trim()
      .min(1, { error: "Enter the recipient ID." })
      .regex(/^\d{1,15}$/, { error: "Recipient ID is a number from Eko: digits only." })
      .transform(Number)
      .pipe(z.number().int().positive({ error: "Recipient ID must be above 0." })),
    amount: z
      .string({ error: "Enter the amount." })
      .transform((value) => value.replace(/[\s,₹]/g, ""))
      .pipe(
        z
          .string()
          .min(1, { error: "Enter the amount." })
          .regex(/^\d{1,9}(\.0{1,2})?$/, { error: "Enter whole rupees, without paise." }),
      )
      .transform((value) => Math.trunc(Number(value)))
      .pipe(z.number().min(minAmount, { error: amountRange }).max(maxAmount, { error: amountRange })),
    customerMobile: z.string({ error: "Enter the customer's mobile number." }).transform((value, ctx) => {
      const mobile = normaliseMobile(value);
      if (mobile) return mobile;
      ctx.addIssue({
        code: "custom",
        message: value.trim()
          ? "Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9."
          : "Enter the customer's mobile number.",
      });
      return z.NEVER;
    }),
    beneficiaryId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,20}$/, { error: "Beneficiary ID is letters and digits only, up to 20." })
      .optional()
      .transform((value) => value || undefined),
  });
}

export type OtpRequestSchema = ReturnType<typeof createOtpRequestSchema>;
/** What the form holds: exactly what the agent typed. */
export type OtpRequestFormValues = z.input<OtpRequestSchema>;
/** What the server acts on: normalised and typed. */
export type OtpRequestInput = z.output<OtpRequestSchema>;
