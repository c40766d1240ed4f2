/** Ledger states, importable by browser code without pulling in the table definition. */
export const OTP_REQUEST_STATES = ["pending", "sent", "rejected", "failed", "unknown"] as const;
export type OtpRequestState = (typeof OTP_REQUEST_STATES)[number];
