import type { EkoCodes } from "@/lib/eko/otp-outcome";
import type { RejectionReason } from "@/lib/eko/rejection-reason";
import type { OtpFieldName } from "./schema";

export type FieldErrors = Partial<Record<OtpFieldName, string>>;
export type FailureReason = "auth" | "http" | "invalid-response" | "unreachable" | "ledger-unavailable";
export type UnknownReason = "timeout" | "connection-lost";

/** What the server action returns to the form: serialisable, and free of keys and full mobiles. */
export type OtpRequestResult =
  | { status: "sent"; otpRefId: string; maskedMobile: string; sentAt: string; clientRefId: string; eko: EkoCodes }
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
  | { status: "unknown"; reason: UnknownReason; clientRefId: string; timeoutSeconds: number }
  | { status: "invalid"; fieldErrors: FieldErrors; formError: string | null };
