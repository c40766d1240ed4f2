import type { FieldRead } from "@/lib/otp-requests/fields";

/** Eko publishes no length for the customer's verification OTP: digits, four to eight of them. */
export function readSenderOtp(input: unknown): FieldRead<string> {
  const text = typeof input === "string" ? input.replace(/\s/g, "") : "";
  if (!text) return { ok: false, error: "error.otp.required" };
  return /^\d{4,8}$/.test(text) ? { ok: true, value: text } : { ok: false, error: "error.senderOtp.format" };
}

/** The last four digits typed so far, for the hint under the masked Aadhaar field: "•••• •••• 1234". */
export function aadhaarHint(typed: string): string | null {
  const digits = typed.replace(/\D/g, "");
  return digits.length >= 4 ? `•••• •••• ${digits.slice(-4)}` : null;
}
