import { z } from "zod";
import { fieldReaders, type AmountBounds, type FieldRead } from "./fields";

/** One field of the form, read exactly as the browser reads it; a refusal is an issue on that field, its message a dictionary key. */
function field<T>(read: (input: unknown) => FieldRead<T>) {
  return z.unknown().transform((input, ctx) => {
    const result = read(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
}

/**
 * The server's check of what the agent typed (the action re-parses everything the browser sends). Built on the same
 * field readers as the browser's check (lib/otp-requests/fields.ts); the amount range takes Eko's configured bounds.
 */
/** A picked recipient's customer is the visit's: their mobile stays on the server and is not on the form. */
const VISIT_CUSTOMER = Symbol("the visit's customer");

export function createOtpRequestSchema(bounds: AmountBounds) {
  const read = fieldReaders(bounds);
  return z.preprocess(
    (raw) => (raw && typeof raw === "object" && "visitId" in raw && raw.visitId ? { ...raw, customerMobile: VISIT_CUSTOMER } : raw),
    z.object({
      recipientId: field(read.recipientId),
      amount: field(read.amount),
      customerMobile: field((input) => (input === VISIT_CUSTOMER ? { ok: true as const, value: "" } : read.customerMobile(input))),
      // Optional: a missing key is no beneficiary, like a blank one.
      beneficiaryId: field(read.beneficiaryId).optional(),
      visitId: field(read.visitId).optional(),
    }),
  );
}

export type OtpRequestSchema = ReturnType<typeof createOtpRequestSchema>;
