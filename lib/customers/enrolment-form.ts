import * as z from "zod/mini";
import { fromReader } from "@/lib/field-schema";
import type { MessageKey } from "@/lib/i18n/translate";
import { readSenderOtp } from "./fields";

/**
 * The enrolment steps' forms, one zod schema each: the browser resolves with it (zodResolver) and the action parses
 * with it again. Messages are dictionary keys. Nothing here is server- or client-only.
 */
const key = (k: MessageKey) => ({ error: k });
/** What was typed, tidied by `tidy`, then held to `checks`; zod/mini keeps the browser's share small. */
const typed = (required: MessageKey, tidy: (s: string) => string, ...checks: z.core.$ZodCheck<string>[]) =>
  z.pipe(z.pipe(z.string(key(required)), z.transform(tidy)), z.string().check(z.minLength(1, key(required)), ...checks));
const squeeze = (s: string) => s.trim().replace(/\s+/g, " ");

export const MIN_AGE_YEARS = 18;

/** A real calendar date as YYYY-MM-DD (the date field's value), or null. */
function calendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().startsWith(value) ? date : null;
}

/** Whether someone born on `born` is at least `years` old on `today` (both UTC midnights of calendar days). */
export function ageAtLeast(born: Date, years: number, today: Date): boolean {
  const birthday = new Date(Date.UTC(born.getUTCFullYear() + years, born.getUTCMonth(), born.getUTCDate()));
  return birthday.getTime() <= today.getTime();
}

const dob = typed(
  "error.enrol.dob.required",
  (s) => s.trim(),
  z.refine((value) => calendarDate(value) !== null, key("error.enrol.dob.format")),
  z.refine((value) => {
    const born = calendarDate(value);
    return !born || ageAtLeast(born, MIN_AGE_YEARS, new Date());
  }, key("error.enrol.dob.adult")),
  z.refine((value) => {
    const born = calendarDate(value);
    return !born || !ageAtLeast(born, 120, new Date());
  }, key("error.enrol.dob.format")),
);

/** Name, date of birth and address (Eko's `residence_address` lines), as the customer's ID shows them. */
export const enrolSchema = z.object({
  name: typed("error.enrol.name.required", squeeze, z.regex(/^[A-Za-z][A-Za-z .']{1,59}$/, key("error.enrol.name.format"))),
  dob,
  street: typed("error.enrol.street.required", squeeze, z.maxLength(100, key("error.enrol.street.long"))),
  city: typed("error.enrol.city.required", squeeze, z.maxLength(60, key("error.enrol.city.long"))),
  state: typed("error.enrol.state.required", squeeze, z.maxLength(40, key("error.enrol.state.long"))),
  pincode: typed("error.enrol.pincode.required", (s) => s.replace(/\s/g, ""), z.regex(/^[1-9]\d{5}$/, key("error.enrol.pincode.format"))),
});
export type EnrolValues = z.input<typeof enrolSchema>;
export type NewCustomer = z.output<typeof enrolSchema>;

/** The Aadhaar number: 12 digits, never starting 0 or 1; spaces as printed on the card are fine. */
export const aadhaarSchema = z.object({
  aadhaar: typed("error.aadhaar.required", (s) => s.replace(/[\s-]/g, ""), z.regex(/^[2-9]\d{11}$/, key("error.aadhaar.format"))),
});

/** The PAN, upper-cased as typed: five letters, four digits, a letter. */
export const panSchema = z.object({
  pan: typed("error.pan.required", (s) => s.replace(/\s/g, "").toUpperCase(), z.regex(/^[A-Z]{5}\d{4}[A-Z]$/, key("error.pan.format"))),
});

/** The OTP of the customer's Aadhaar, read like the verification OTP. */
export const aadhaarOtpSchema = z.object({
  otp: fromReader(readSenderOtp),
});
