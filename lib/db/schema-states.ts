/** Ledger states, importable by browser code without pulling in the table definition. */
export const OTP_REQUEST_STATES = ["pending", "sent", "rejected", "failed", "unknown", "limited"] as const;
export type OtpRequestState = (typeof OTP_REQUEST_STATES)[number];

/** An Eko call in the ledger: pending until Eko answers or the call is given up; `unknown` when Eko may have acted. */
export const EKO_CALL_STATES = ["pending", "ok", "rejected", "failed", "unknown", "not-sent"] as const;
export type EkoCallState = (typeof EKO_CALL_STATES)[number];

/** What a signed-in person may do: agents send OTPs, supervisors review them, admins manage accounts. */
export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];
