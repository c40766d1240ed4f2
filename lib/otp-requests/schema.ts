import * as z from "zod/mini";
import { fromReader as field } from "@/lib/field-schema";
import { fieldReaders, type AmountBounds, type OtpRequestFormValues } from "./fields";

/** A picked recipient's customer is the visit's: their mobile stays on the server and is not on the form. */
const VISIT_CUSTOMER = Symbol("the visit's customer");

/**
 * What the agent typed into the OTP form, checked by react-hook-form in the browser (zodResolver) and parsed again by
 * the action: one schema, built on the field readers (fields.ts); the amount range takes Eko's configured bounds.
 */
export function createOtpRequestSchema(bounds: AmountBounds) {
  const read = fieldReaders(bounds);
  const fields = z.object({
    recipientId: field(read.recipientId),
    amount: field(read.amount),
    customerMobile: field((input) => (input === VISIT_CUSTOMER ? { ok: true as const, value: "" } : read.customerMobile(input))),
    // Optional: a missing key is no beneficiary, like a blank one.
    beneficiaryId: z.optional(field(read.beneficiaryId)),
    visitId: z.optional(field(read.visitId)),
  });
  return z.pipe(
    // Typed as the form's values for react-hook-form; the action hands it whatever was posted.
    z.transform((raw: OtpRequestFormValues): z.input<typeof fields> => (raw?.visitId ? { ...raw, customerMobile: VISIT_CUSTOMER } : raw)),
    fields,
  );
}

export type OtpRequestSchema = ReturnType<typeof createOtpRequestSchema>;
