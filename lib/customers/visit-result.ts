import type { EkoCodes } from "@/lib/eko/envelope";
import type { LimitName } from "@/lib/otp-requests/result";

/** The customer's card, from Verify Sender OTP: what the agent needs before taking cash. Rupees, whole or not. */
export type CustomerCard = {
  name: string;
  mobileMasked: string;
  /** Eko's `kyc_state` (0 minimum KYC, higher numbers further steps done), null when Eko did not say. */
  kycState: number | null;
  monthlyLimit: number | null;
  used: number | null;
  remaining: number | null;
  /** Eko asks for the customer's PAN once they send more than `panRequiredFrom` (Get Recipients). */
  panRequired: boolean;
  panRequiredFrom: number | null;
};

/** One recipient as the agent picks it: Eko's masked account, never the full number. */
export type RecipientChoice = {
  recipientId: number;
  beneficiaryId: string | null;
  name: string;
  bank: string;
  accountMasked: string;
  ifsc: string;
  channel: number;
  channels: ("IMPS" | "NEFT")[];
  verified: boolean;
  /** This agent sent this customer's money here lately: listed first. */
  recent: boolean;
};

/** The verified customer the transfer form sends for: recipients picked from their list, the amount within their month. */
export type CustomerForForm = {
  visitId: string;
  mobileMasked: string;
  recipients: RecipientChoice[];
  picked: number | null;
  remaining: number | null;
};

/** Why a call to Eko went nowhere, as the OTP step names it. */
export type CallFailure = {
  reason: "ledger-unavailable" | "circuit-open" | "shutting-down" | "unreachable" | "auth" | "http";
  retryAt: string | null;
  httpStatus: number | null;
};

export type EkoRefusal = { eko: EkoCodes; invalidParams: Record<string, string> };

export type LookUpResult =
  | { status: "otp-sent"; visitId: string; mobileMasked: string }
  /** The visit stays open on the enrolment form. */
  | { status: "not-enrolled"; visitId: string; mobileMasked: string }
  | { status: "limited"; limit: LimitName; max: number; retryAt: string }
  | ({ status: "rejected" } & EkoRefusal)
  | ({ status: "failed" } & CallFailure)
  /** Eko may have texted an OTP: ask the customer before looking up again. */
  | { status: "unknown" };

export type VerifyResult =
  | { status: "verified"; visitId: string }
  /** 2138, or Eko's wrong/expired OTP: type it again, or send a new one. */
  | { status: "wrong-otp"; eko: EkoCodes }
  /** The customer must finish KYC first: 2136 Aadhaar, 2147 PAN; their page shows that step next. */
  | { status: "kyc-pending"; step: "aadhaar" | "pan"; eko: EkoCodes }
  | { status: "expired" }
  | ({ status: "rejected" } & EkoRefusal)
  | ({ status: "failed" } & CallFailure)
  | { status: "unknown" };

export type NewRecipientField = "name" | "mobile" | "account" | "accountConfirm" | "ifsc" | "accountType";

export type AddRecipientResult =
  | { status: "added"; recipient: RecipientChoice }
  | { status: "invalid"; fieldErrors: Partial<Record<NewRecipientField, string>>; formError: string | null }
  | { status: "expired" }
  | ({ status: "rejected"; step: "recipient" | "bank"; fieldErrors: Partial<Record<NewRecipientField, string>> } & EkoRefusal)
  | ({ status: "failed"; step: "recipient" | "bank" } & CallFailure)
  | { status: "unknown"; step: "recipient" | "bank" };

/** Get Recipients, for the picker (a read: a route handler or a server component, never an action). */
export type RecipientsResult =
  | { status: "ok"; recipients: RecipientChoice[]; panRequiredFrom: number | null }
  | { status: "expired" }
  | ({ status: "rejected" } & EkoRefusal)
  | ({ status: "failed" } & CallFailure)
  | { status: "unknown" };

export type EnrolField = "name" | "dob" | "street" | "city" | "state" | "pincode";

/** Onboard Sender: on success Eko texts the verification OTP and the visit's page asks for it. */
export type EnrolResult =
  | { status: "otp-sent"; visitId: string }
  | { status: "expired" }
  | ({ status: "rejected"; fieldErrors: Partial<Record<EnrolField, string>> } & EkoRefusal)
  | ({ status: "failed" } & CallFailure)
  | { status: "unknown" };

/** A KYC step's form: the Aadhaar number, the Aadhaar OTP, the PAN. */
export type KycStep = "aadhaar" | "aadhaar-otp" | "pan";

/** Why a visit whose KYC Eko has finished asks for the customer to be verified again (Get Sender's OTP). */
export type VerifyAgain = "kyc-done" | "already-approved" | "wallet-token";

/** What a visit keeps besides its state: the Aadhaar OTP's masked mobile, or why it must be verified again. */
export type VisitNote = { status: "aadhaar-otp-sent"; mobileHint: string | null } | { status: "verify-again"; reason: VerifyAgain };

/** A KYC step: `next` means the visit moved on (its page shows the next step); the rest are said on the form. */
export type KycResult =
  | { status: "next"; visitId: string }
  | { status: "wrong-otp"; eko: EkoCodes }
  | { status: "expired" }
  | ({ status: "rejected"; step: KycStep; fieldErrors: Partial<Record<"aadhaar" | "pan" | "otp", string>> } & EkoRefusal)
  | ({ status: "failed" } & CallFailure)
  | { status: "unknown"; step: KycStep };
