import type { MessageKey } from "@/lib/i18n/translate";
import { isVisitId } from "@/lib/customers/visit-id";
import { normaliseMobile } from "./mobile";

/**
 * How the OTP form's fields are read: what the agent typed in, typed values or a message key out. The form's one zod
 * schema (schema.ts) is built on these, and react-hook-form (zodResolver) and the action both check with it.
 */
export type AmountBounds = {
  minAmount: number;
  maxAmount: number;
  /** What the verified customer may still send this month, when the desk knows it. */
  remaining?: number;
};

export const otpFieldNames = ["recipientId", "amount", "customerMobile", "beneficiaryId", "visitId"] as const;
export type OtpFieldName = (typeof otpFieldNames)[number];

/** What the form holds: exactly what the agent typed. */
export type OtpRequestFormValues = { recipientId: string; amount: string; customerMobile: string; beneficiaryId?: string; visitId?: string };
/** What the server acts on. With `visitId`, the customer, beneficiary and channel come from that visit, not the browser. */
export type OtpRequestInput = { recipientId: number; amount: number; customerMobile: string; beneficiaryId?: string; visitId?: string };

export type FieldRead<T> = { ok: true; value: T } | { ok: false; error: MessageKey };

const ok = <T>(value: T): FieldRead<T> => ({ ok: true, value });
const fail = (error: MessageKey): FieldRead<never> => ({ ok: false, error });

export function readRecipientId(input: unknown): FieldRead<number> {
  const text = typeof input === "string" ? input.trim() : "";
  if (!text) return fail("error.recipientId.required");
  if (!/^\d{1,15}$/.test(text)) return fail("error.recipientId.digits");
  const id = Number(text);
  return id > 0 && Number.isSafeInteger(id) ? ok(id) : fail("error.recipientId.positive");
}

/** Whole rupees as agents write them ("1,500", "₹ 2,000", "150.00"), or null: no paise, no signs, no exponents. */
export function readWholeRupees(input: string | undefined): number | null {
  const compact = (input ?? "").replace(/[\s,₹]/g, "");
  return /^\d{1,9}(\.0{1,2})?$/.test(compact) ? Math.trunc(Number(compact)) : null;
}

export function readAmount(input: unknown, { minAmount, maxAmount, remaining }: AmountBounds): FieldRead<number> {
  if (typeof input !== "string" || !input.replace(/[\s,₹]/g, "")) return fail("error.amount.required");
  const rupees = readWholeRupees(input);
  if (rupees === null) return fail("error.amount.whole");
  if (rupees < minAmount || rupees > maxAmount) return fail("error.amount.range");
  return remaining === undefined || rupees <= remaining ? ok(rupees) : fail("error.amount.overRemaining");
}

export function readCustomerMobile(input: unknown): FieldRead<string> {
  if (typeof input !== "string" || !input.trim()) return fail("error.customerMobile.required");
  const mobile = normaliseMobile(input);
  return mobile ? ok(mobile) : fail("error.customerMobile.invalid");
}

/** Optional: blank is no beneficiary. */
export function readBeneficiaryId(input: unknown): FieldRead<string | undefined> {
  if (input === undefined) return ok(undefined);
  if (typeof input !== "string") return fail("error.beneficiaryId.format");
  const text = input.trim();
  return /^[A-Za-z0-9]{0,20}$/.test(text) ? ok(text || undefined) : fail("error.beneficiaryId.format");
}

export function readVisitId(input: unknown): FieldRead<string | undefined> {
  if (input === undefined || input === "") return ok(undefined);
  return isVisitId(input) ? ok(input) : fail("error.visit.expired");
}

export function fieldReaders(bounds: AmountBounds): { [F in OtpFieldName]: (input: unknown) => FieldRead<OtpRequestInput[F]> } {
  return {
    recipientId: readRecipientId,
    amount: (input) => readAmount(input, bounds),
    customerMobile: readCustomerMobile,
    beneficiaryId: readBeneficiaryId,
    visitId: readVisitId,
  };
}

export type OtpRequestRead = { ok: true; value: OtpRequestInput } | { ok: false; errors: Partial<Record<OtpFieldName, MessageKey>> };

/** Every field at once: the typed request, or every field's message. A visit's customer has no mobile on the form. */
export function readOtpRequest(values: Partial<Record<OtpFieldName, unknown>>, bounds: AmountBounds): OtpRequestRead {
  const readers = fieldReaders(bounds);
  const value: Partial<Record<OtpFieldName, unknown>> = {};
  const errors: Partial<Record<OtpFieldName, MessageKey>> = {};
  const visit = Boolean(values.visitId);
  for (const name of otpFieldNames) {
    const read = visit && name === "customerMobile" ? ok("") : readers[name](values[name]);
    if (read.ok) value[name] = read.value;
    else errors[name] = read.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: value as OtpRequestInput };
}
