import type { FieldRead } from "@/lib/otp-requests/fields";

/** Eko's transaction OTPs are six digits (the simulator's too); the field takes nothing else. */
export const CUSTOMER_OTP_LENGTH = 6;

/** The customer's OTP as typed (spaces the SMS may group it with dropped), or why it is not one. */
export function readCustomerOtp(input: unknown): FieldRead<string> {
  const text = typeof input === "string" ? input.replace(/\s/g, "") : "";
  if (!text) return { ok: false, error: "error.otp.required" };
  if (!/^\d+$/.test(text) || text.length !== CUSTOMER_OTP_LENGTH) return { ok: false, error: "error.otp.format" };
  return { ok: true, value: text };
}

/**
 * A place as Eko's `latlong` wants it ("28.6139,77.2090"): from an admin's entry for a shop, or the browser's
 * geolocation. Null when it is not a latitude and longitude.
 */
export function readLatlong(input: unknown): string | null {
  const match = typeof input === "string" ? /^\s*(-?\d{1,2}(?:\.\d{1,8})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,8})?)\s*$/.exec(input) : null;
  if (!match) return null;
  const [lat, long] = [Number(match[1]), Number(match[2])];
  return Math.abs(lat) <= 90 && Math.abs(long) <= 180 ? `${lat},${long}` : null;
}
