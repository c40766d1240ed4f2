import { refusal, withData } from "./envelopes";
import type { EkoBody, EkoShapes } from "./fixtures";
import { LIMIT_BEFORE_PAN, LIMIT_WITH_PAN, type PpiLevinState, type SimCustomer } from "./ppi-levin-state";
import { validationError } from "./scenarios";

/**
 * Test numbers (sandbox only) the simulator refuses as Eko would refuse a real one: "Aadhaar validation failed" and
 * "PAN validation failed". Any other well-formed number is accepted.
 */
export const REFUSED_AADHAAR = "999999999999";
export const REFUSED_PAN = "ZZZZZ9999Z";
/** Eko's "already KYC approved". */
export const KYC_APPROVED = 585;

const AADHAAR = /^\d{12}$/;
const PAN = /^[A-Z]{5}\d{4}[A-Z]$/;
const DOB = /^\d{4}-\d{2}-\d{2}$/;
const PINCODE = /^[1-9]\d{5}$/;

export type EnrolmentAnswer = { verdict: string; body: EkoBody };

/** A sender's profile in Eko's published shape, with this customer's name, limit and month so far. */
export function senderProfile(shapes: EkoShapes, c: SimCustomer): EkoBody {
  const base = structuredClone((shapes.verifySender.data as EkoBody).customer_profile as EkoBody);
  const remaining = c.monthlyLimit - c.used;
  return {
    ...base,
    name: c.name,
    mobile: c.mobile,
    total_monthly_limit: String(c.monthlyLimit),
    next_allowed_limit: `${remaining}.0`,
    chart: [{ data_type_id: 10, data: { unavailable: 0, used: c.used, remaining }, label: "" }],
  };
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** Onboard Sender's checks, as Eko's validation shape names its fields. */
function onboardingErrors(body: EkoBody): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[A-Za-z][A-Za-z .']{1,59}$/.test(text(body.name))) errors.name = "Invalid name";
  if (!DOB.test(text(body.dob))) errors.dob = "Invalid dob, expected YYYY-MM-DD";
  const lines = Array.isArray(body.residence_address) ? body.residence_address.map(text) : [];
  if (lines.length !== 4 || lines.some((line) => !line) || !PINCODE.test(lines[3] ?? "")) errors.residence_address = "Invalid residence_address";
  return errors;
}

/** A wallet token sent and not one the simulator issued for this customer: Validate Aadhaar's published 463. */
const walletRefused = (state: PpiLevinState, shapes: EkoShapes, body: EkoBody, mobile: string): EnrolmentAnswer | null =>
  text(body.wallet_token) && !state.walletTokenValid(body.wallet_token, mobile)
    ? { verdict: "463: wallet token", body: structuredClone(shapes.walletTokenRefused) }
    : null;

/** The customer is through KYC: their profile and a wallet token, as a KYC step's success carries them. */
function enrolled(state: PpiLevinState, shapes: EkoShapes, c: SimCustomer) {
  c.state = "enrolled";
  return { customer_profile: senderProfile(shapes, c), wallet_token: state.issueWalletToken(c.mobile), next_allowed_limit: c.monthlyLimit - c.used };
}

/**
 * Onboarding and KYC for one customer, below `/sender/{mobile}`: Onboard Sender (a new customer becomes Aadhaar
 * pending, PAN to follow), Validate Aadhaar and its OTP (purpose "aadhaar"), Validate PAN. Null for other paths.
 */
export function enrolmentAnswer(
  state: PpiLevinState,
  shapes: EkoShapes,
  c: SimCustomer,
  method: string,
  rest: string,
  body: EkoBody,
): EnrolmentAnswer | null {
  if (method !== "POST") return null;
  const approved = { verdict: "585: KYC already approved", body: refusal(KYC_APPROVED, "Customer KYC already approved") };
  const notEnrolled = { verdict: "308: not enrolled", body: structuredClone(shapes.senderNotEnrolled) };

  if (rest === "") {
    if (c.state === "enrolled") return approved;
    const errors = onboardingErrors(body);
    if (Object.keys(errors).length > 0) return { verdict: `461: ${Object.keys(errors).join(", ")}`, body: validationError(shapes, errors) };
    if (c.state === "not-enrolled")
      Object.assign(c, { state: "aadhaar-pending", name: text(body.name), needsPan: true, monthlyLimit: LIMIT_BEFORE_PAN, recipients: [] });
    const otp = state.issueOtp(c.mobile, "sender");
    return { verdict: "2129: onboarded, sender OTP texted", body: withData(shapes.onboardSender, { otp_ref_id: otp.otpRefId }) };
  }

  if (rest === "/aadhaar/otp") {
    if (c.state === "not-enrolled") return notEnrolled;
    if (c.state !== "aadhaar-pending") return approved;
    const refused = walletRefused(state, shapes, body, c.mobile);
    if (refused) return refused;
    const aadhaar = text(body.aadhar);
    if (!AADHAAR.test(aadhaar)) return { verdict: "461: aadhar", body: validationError(shapes, { aadhar: "Invalid Aadhaar number" }) };
    if (aadhaar === REFUSED_AADHAAR) return { verdict: "Aadhaar validation failed", body: refusal(1, "Aadhaar validation failed", 1388) };
    const otp = state.issueOtp(c.mobile, "aadhaar");
    return {
      verdict: "1388: Aadhaar OTP texted",
      body: withData(shapes.aadhaarOtp, { otp_ref_id: otp.otpRefId, mobile_hint: `******${c.mobile.slice(-4)}` }),
    };
  }

  if (rest === "/aadhaar/otp/verify") {
    if (c.state !== "aadhaar-pending") return c.state === "not-enrolled" ? notEnrolled : approved;
    const refused = walletRefused(state, shapes, body, c.mobile);
    if (refused) return refused;
    const spent = state.spendOtp(body.otp_ref_id, body.otp, "aadhaar", (issued) => issued.to === c.mobile);
    if (typeof spent === "string") return { verdict: `302: Aadhaar OTP ${spent}`, body: structuredClone(shapes.aadhaarWrongOtp) };
    if (c.needsPan) {
      c.state = "pan-required";
      return { verdict: "2147: Aadhaar verified, PAN required", body: structuredClone(shapes.panRequired) };
    }
    return { verdict: "1388: Aadhaar verified, enrolled", body: withData(shapes.aadhaarVerified, { verified: true, ...enrolled(state, shapes, c) }) };
  }

  if (rest === "/pan") {
    if (c.state === "not-enrolled") return notEnrolled;
    if (c.state === "aadhaar-pending") return { verdict: "2136: Aadhaar first", body: structuredClone(shapes.aadhaarPending) };
    if (c.state === "enrolled") return approved;
    const refused = walletRefused(state, shapes, body, c.mobile);
    if (refused) return refused;
    const pan = text(body.pan_number);
    if (!PAN.test(pan)) return { verdict: "461: pan_number", body: validationError(shapes, { pan_number: "Invalid PAN format" }) };
    if (pan === REFUSED_PAN) return { verdict: "PAN validation failed", body: refusal(1, "PAN validation failed", -1) };
    c.needsPan = false;
    c.monthlyLimit = LIMIT_WITH_PAN;
    return { verdict: "309: PAN accepted, enrolled", body: withData(shapes.validatePan, enrolled(state, shapes, c)) };
  }
  return null;
}
