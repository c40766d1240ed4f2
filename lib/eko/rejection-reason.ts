import type { EkoCodes } from "./otp-outcome";

export type RejectionReason =
  | "insufficient-balance"
  | "limit-exhausted"
  | "agent-not-onboarded"
  | "customer-not-found"
  | "invalid-params"
  | "invalid-initiator"
  | "recipient-not-registered"
  | "bank-unavailable"
  | "in-progress"
  | "service-not-active"
  | "wrong-environment-key"
  | "other";

const BY_STATUS: Record<number, RejectionReason> = {
  347: "insufficient-balance",
  314: "limit-exhausted",
  945: "limit-exhausted",
  36: "limit-exhausted",
  346: "agent-not-onboarded",
  1297: "agent-not-onboarded",
  463: "customer-not-found",
  319: "invalid-initiator",
  313: "recipient-not-registered",
  544: "bank-unavailable",
  461: "invalid-params",
};

/** Eko's codes to one reason the agent can act on; the status code wins, the message is a fallback. */
export function rejectionReasonOf(codes: EkoCodes, hasInvalidParams: boolean): RejectionReason {
  const message = codes.message?.toLowerCase() ?? "";
  if (codes.responseStatusId === -2) return "in-progress";
  if (/kindly use your production key/.test(message)) return "wrong-environment-key";
  const byStatus = codes.status === null ? undefined : BY_STATUS[codes.status];
  if (byStatus) return byStatus;
  if (/(agent|customer) not allowed/.test(message)) return "service-not-active";
  if (/insufficient balance/.test(message)) return "insufficient-balance";
  if (hasInvalidParams || codes.responseTypeId === -1) return "invalid-params";
  return "other";
}
