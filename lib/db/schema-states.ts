/** Ledger states, importable by browser code without pulling in the table definition. */
export const OTP_REQUEST_STATES = ["pending", "sent", "rejected", "failed", "unknown", "limited"] as const;
export type OtpRequestState = (typeof OTP_REQUEST_STATES)[number];

/** An Eko call in the ledger: pending until Eko answers or the call is given up; `unknown` when Eko may have acted. */
export const EKO_CALL_STATES = ["pending", "ok", "rejected", "failed", "unknown", "not-sent"] as const;
export type EkoCallState = (typeof EKO_CALL_STATES)[number];

/**
 * A transfer in the ledger. `pending`: written, Initiate Transaction in flight. `unknown`: no readable answer, so
 * Transaction Inquiry settles it. The stages from Eko's `tx_status` follow (lib/transfers/tx-status.ts). Three states
 * say Eko moved no money: `not-sent` (the desk did not call), `refused` (Eko answered with a refusal such as a wrong
 * OTP) and `not-found` (the call went unanswered and Eko has no record of it).
 */
export const TRANSFER_STATES = [
  "pending",
  "unknown",
  "not-sent",
  "refused",
  "not-found",
  "success",
  "failed",
  "awaited",
  "refund-pending",
  "refunded",
  "on-hold",
  "in-progress",
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
/** The states in which no money moved: the OTP request behind one may be used again. */
export const MONEY_NOT_MOVED: readonly TransferState[] = ["not-sent", "refused", "not-found"];

/**
 * A customer at the counter: `looking-up` while Get Sender (or Onboard Sender) is in flight, `otp-sent` once Eko texted
 * the verification OTP, `verified` with a wallet token, `not-enrolled` (308), the KYC steps Eko asks for
 * (`aadhaar-required` on 2136, `aadhaar-otp-sent`, `pan-required` on 2147), or `ended` when the look-up went nowhere.
 */
export const VISIT_STATES = [
  "looking-up",
  "otp-sent",
  "verified",
  "not-enrolled",
  "aadhaar-required",
  "aadhaar-otp-sent",
  "pan-required",
  "ended",
] as const;

/**
 * A refund of a transfer in refund pending. `pending`: written, Initiate Refund in flight. `unknown`: no readable
 * answer, so Transaction Inquiry settles it. `refunded`: Eko's 74 or `tx_status` 4. Three say no money went back:
 * `not-sent` (the desk did not call), `refused` (Eko refused, such as a wrong OTP) and `not-made` (unanswered, and
 * Eko still shows the transfer in refund pending well after): the agent may refund again.
 */
export const REFUND_STATES = ["pending", "unknown", "not-sent", "refused", "not-made", "refunded"] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const REFUND_NOT_MADE: readonly RefundState[] = ["not-sent", "refused", "not-made"];
export type VisitState = (typeof VISIT_STATES)[number];

/** What a signed-in person may do: agents send OTPs, supervisors review them, admins manage accounts. */
export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];
