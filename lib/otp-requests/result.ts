import type { EkoCodes } from "@/lib/eko/otp-outcome";
import type { RejectionReason } from "@/lib/eko/rejection-reason";
import type { OtpFieldName } from "./fields";

export type FieldErrors = Partial<Record<OtpFieldName, string>>;
/** `invalid-response` is no longer produced (an unreadable 2xx is now unknown) but stays readable in older rows. */
export type FailureReason = "auth" | "http" | "invalid-response" | "unreachable" | "ledger-unavailable";
/** Refused by the desk itself before Eko: the circuit breaker is open, or the server is shutting down. */
export type DeskRefusalReason = "circuit-open" | "shutting-down";
export type UnknownReason = "timeout" | "connection-lost" | "unreadable-answer";
/** Which of the desk's own limits refused a request: per customer mobile (15 minutes, 24 hours) or per agent. */
export type LimitName = "mobile-15m" | "mobile-24h" | "agent-15m";

/** What the server action returns to the form: serialisable, and free of keys and full mobiles. */
export type OtpRequestResult =
  | {
      status: "sent";
      otpRefId: string;
      maskedMobile: string;
      sentAt: string;
      clientRefId: string;
      eko: EkoCodes;
      /** What the OTP was sent for: the transfer step shows it, read-only (older stored results lack it). */
      amount?: number;
      recipientId?: number;
      beneficiaryId?: string | null;
      /** The recipient as picked from the customer's list (absent for typed IDs). */
      recipient?: { name: string; bank: string; accountMasked: string };
    }
  | {
      status: "rejected";
      reason: RejectionReason;
      clientRefId: string;
      eko: EkoCodes;
      fieldErrors: FieldErrors;
      /** Eko's invalid_params that name no field on the form (initiator_id, user_code...). */
      otherParams: Record<string, string>;
    }
  | { status: "failed"; reason: FailureReason; clientRefId: string; eko: EkoCodes | null; httpStatus: number | null }
  /** Nothing went to Eko; `retryAt` (ISO) is when the breaker lets a request through again (null when shutting down). */
  | { status: "failed"; reason: DeskRefusalReason; clientRefId: string; eko: null; httpStatus: null; retryAt: string | null }
  | { status: "unknown"; reason: UnknownReason; clientRefId: string; timeoutSeconds: number }
  | { status: "invalid"; fieldErrors: FieldErrors; formError: string | null }
  /** Refused by the desk before Eko: `retryAt` (ISO) is when the oldest counted request leaves the window. */
  | { status: "limited"; limit: LimitName; max: number; retryAt: string; clientRefId: string };
