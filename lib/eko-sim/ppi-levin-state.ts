import { randomBytes, randomInt } from "node:crypto";
import type { EkoBody } from "./fixtures";

/** What a customer's mobile is at the simulator: Eko's fixture states, chosen by the test customers below. */
export type CustomerState = "enrolled" | "not-enrolled" | "aadhaar-pending" | "pan-required";

export type SimRecipient = EkoBody & { recipient_id: number };
/** A recipient added at the simulator, its full account kept only here: for the duplicate check and the day's count. */
export type AddedRecipient = { account: string; ifsc: string; atMs: number };
export type SimCustomer = {
  mobile: string;
  state: CustomerState;
  name: string;
  monthlyLimit: number;
  used: number;
  recipients: SimRecipient[];
  added: AddedRecipient[];
  /** KYC still wants the PAN once Aadhaar is done (every customer onboarded here, and 6555555555). */
  needsPan: boolean;
};

/**
 * The README's test customers. Any other mobile starting 63 is not enrolled (plenty of new customers for enrolment
 * tests, since the simulator keeps its state for a whole run); any other is enrolled, with Eko's sample recipients.
 */
export const TEST_CUSTOMERS: Record<string, { state: CustomerState; recipients: boolean; used?: number; about: string }> = {
  "6111111111": { state: "enrolled", recipients: true, about: "Eko's UAT test customer: enrolled, with recipients" },
  "6222222222": { state: "enrolled", recipients: false, about: "enrolled, no recipients yet" },
  "6333333333": { state: "not-enrolled", recipients: false, about: "not enrolled (Get Sender answers 308)" },
  "6444444444": { state: "aadhaar-pending", recipients: false, about: "KYC pending: Verify Sender OTP answers 2136" },
  "6555555555": { state: "pan-required", recipients: false, about: "PAN required: Verify Sender OTP answers 2147" },
  "6666666666": { state: "enrolled", recipients: true, used: 49_000, about: "enrolled, 49,000 of 50,000 used this month: 1,000 left" },
};

export const NOT_ENROLLED_PREFIX = "63";
/** Monthly limits at the simulator: a customer onboarded here gets the first after Aadhaar, the second after PAN. */
export const LIMIT_BEFORE_PAN = 25_000;
export const LIMIT_WITH_PAN = 50_000;

export type OtpPurpose = "sender" | "transaction" | "refund" | "aadhaar";
/** An OTP the simulator "texted": what the customer would read on their phone. */
export type SimSms = { at: string; to: string; purpose: OtpPurpose; otp: string; otpRefId: string };
type IssuedOtp = SimSms & { issuedAtMs: number; used: boolean; amount?: number; recipientId?: number; tid?: string };

export type SimTransaction = {
  tid: string;
  clientRefId: string;
  customer: string;
  recipientId: number;
  amount: number;
  fee: number;
  txStatus: number;
  /** An awaited transfer settles to success once inquired about this many times. */
  settlesAfterInquiries?: number;
  inquiries: number;
};

/** Eko publishes no OTP validity; the simulator's is ten minutes (eko-api.md). */
export const OTP_VALID_MS = 10 * 60 * 1000;

export function createPpiLevinState(sampleRecipients: SimRecipient[], now: () => number, onSms?: (sms: SimSms) => void) {
  const customers = new Map<string, SimCustomer>();
  const otps = new Map<string, IssuedOtp>();
  const sms: SimSms[] = [];
  const walletTokens = new Map<string, { customer: string; expMs: number }>();
  const transactions = new Map<string, SimTransaction>();
  let nextRecipientId = 20_000_000;
  let nextTid = 3_000_000_000;

  function customer(mobile: string): SimCustomer {
    let found = customers.get(mobile);
    if (!found) {
      const known = TEST_CUSTOMERS[mobile];
      const state = known?.state ?? (mobile.startsWith(NOT_ENROLLED_PREFIX) ? "not-enrolled" : "enrolled");
      found = {
        mobile,
        state,
        name: known ? `Test customer ${mobile.slice(-4)}` : "Walk-in customer",
        monthlyLimit: LIMIT_WITH_PAN,
        used: known?.used ?? 0,
        recipients: state !== "not-enrolled" && (!known || known.recipients) ? structuredClone(sampleRecipients) : [],
        added: [],
        needsPan: state === "pan-required",
      };
      customers.set(mobile, found);
    }
    return found;
  }

  /** Issues an OTP and "texts" it: kept for the control endpoint, and printed when the simulator is told to. */
  function issueOtp(to: string, purpose: OtpPurpose, extra: Pick<IssuedOtp, "amount" | "recipientId" | "tid"> = {}): IssuedOtp {
    const issued: IssuedOtp = {
      at: new Date(now()).toISOString(),
      to,
      purpose,
      otp: String(randomInt(100_000, 1_000_000)),
      otpRefId: randomBytes(purpose === "sender" ? 48 : 56).toString("base64"),
      issuedAtMs: now(),
      used: false,
      ...extra,
    };
    otps.set(issued.otpRefId, issued);
    const text: SimSms = { at: issued.at, to, purpose, otp: issued.otp, otpRefId: issued.otpRefId };
    sms.push(text);
    onSms?.(text);
    return issued;
  }

  /**
   * Checks an OTP as Eko would: `wrong`, `expired`, `used`, or `mismatch` when the request is not the one the OTP was
   * sent for (that leaves it unspent); else the OTP, now spent.
   */
  function spendOtp(
    otpRefId: unknown,
    otp: unknown,
    purpose: OtpPurpose,
    isFor: (issued: IssuedOtp) => boolean = () => true,
  ): IssuedOtp | "wrong" | "expired" | "used" | "mismatch" {
    const issued = typeof otpRefId === "string" ? otps.get(otpRefId) : undefined;
    if (!issued || issued.purpose !== purpose || String(otp) !== issued.otp) return "wrong";
    if (issued.used) return "used";
    if (now() - issued.issuedAtMs > OTP_VALID_MS) return "expired";
    if (!isFor(issued)) return "mismatch";
    issued.used = true;
    return issued;
  }

  /** A JWT-shaped wallet token with Eko's `exp` (seconds): the desk must keep it on the server and honour it. */
  function issueWalletToken(mobile: string): string {
    const expMs = now() + 60 * 60 * 1000;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const token = `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: mobile.slice(-4), exp: Math.floor(expMs / 1000), iss: "simulator" })}.${randomBytes(32).toString("base64url")}`;
    walletTokens.set(token, { customer: mobile, expMs });
    return token;
  }

  const walletTokenValid = (token: unknown, mobile: string) => {
    const held = typeof token === "string" ? walletTokens.get(token) : undefined;
    return Boolean(held && held.customer === mobile && held.expMs > now());
  };

  /** Adds a recipient as Eko lists it (account masked); the checks are the caller's (recipients.ts). */
  function addRecipient(
    mobile: string,
    fields: { name: string; mobile: string; account: string; ifsc: string; bank: string; channel: number },
  ): SimRecipient {
    const recipient: SimRecipient = {
      recipient_id: nextRecipientId++,
      beneficiary_id: null,
      recipient_name: fields.name,
      recipient_mobile: fields.mobile,
      bank: fields.bank,
      account: `${fields.account.slice(0, 2)}${"X".repeat(Math.max(0, fields.account.length - 6))}${fields.account.slice(-4)}`,
      ifsc: fields.ifsc,
      account_type: "Bank Account",
      recipient_id_type: "acc_ifsc",
      channel: fields.channel,
      channel_absolute: fields.channel,
      allowed_channel: fields.channel,
      available_channel: fields.channel,
      is_verified: 0,
    };
    const c = customer(mobile);
    c.recipients.push(recipient);
    c.added.push({ account: fields.account, ifsc: fields.ifsc, atMs: now() });
    return recipient;
  }

  function recordTransaction(t: Omit<SimTransaction, "tid" | "inquiries">): SimTransaction {
    const transaction = { ...t, tid: String(nextTid++), inquiries: 0 };
    transactions.set(transaction.tid, transaction);
    return transaction;
  }

  function findTransaction(reference: string): SimTransaction | undefined {
    if (reference.startsWith("client_ref_id:")) {
      const ref = reference.slice("client_ref_id:".length);
      return [...transactions.values()].find((t) => t.clientRefId === ref);
    }
    return transactions.get(reference);
  }

  return { now, customer, issueOtp, spendOtp, issueWalletToken, walletTokenValid, addRecipient, recordTransaction, findTransaction, sms };
}

export type PpiLevinState = ReturnType<typeof createPpiLevinState>;
