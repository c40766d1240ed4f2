import { refusal, withData } from "./envelopes";
import type { EkoBody, EkoShapes } from "./fixtures";
import type { PpiLevinState } from "./ppi-levin-state";
import { validationError } from "./scenarios";

/** Eko's sample sender profiles allow at most this many new recipients a day (eko-api.md). */
export const MAX_RECIPIENTS_ADDED_PER_DAY = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;
/** The day is the IST calendar day, not a rolling 24 h: Eko is in India, so the count starts again at midnight IST. */
export const istDay = (ms: number) => Math.floor((ms + IST_OFFSET_MS) / DAY_MS);

export const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
/** The banks the simulator knows by IFSC prefix; any other well-formed IFSC is "not found" (521). */
export const BANKS: Record<string, string> = {
  SBIN: "State Bank of India",
  HDFC: "HDFC Bank",
  ICIC: "ICICI Bank",
  KKBK: "Kotak Mahindra Bank",
  UTIB: "Axis Bank",
  PUNB: "Punjab National Bank",
};
/** Eko's channels: 0 IMPS, 2 NEFT. SBIN takes NEFT only at the simulator, so the desk meets both. */
export const CHANNEL = { imps: 0, neft: 2 } as const;
const NEFT_ONLY_BANKS = new Set(["SBIN"]);

const NAME = /^(?=.*[A-Za-z])[A-Za-z .]{2,50}$/;
const MOBILE = /^[6-9]\d{9}$/;
const ACCOUNT = /^\d{9,18}$/;

/** Eko's refusals of Add Recipient beyond the validation shape; 342 is the dmt-add-recipient fixture's shape. */
export const ADD_RECIPIENT_REFUSALS = {
  dailyLimit: { status: 39, message: `Maximum ${MAX_RECIPIENTS_ADDED_PER_DAY} recipients can be added in a day` },
  duplicate: { status: 342, message: "Recipient already registered" },
  ifscNotFound: { status: 521, message: "IFSC not found in system" },
  badName: { status: 131, message: "Invalid recipient name" },
  badMobile: { status: 140, message: "Invalid recipient mobile" },
} as const;

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value).trim() : "");

/**
 * Add Recipient (`POST …/sender/{mobile}/recipient`) with Eko's checks, in the order a refusal is most useful: who,
 * then the fields, then the bank, then the customer's list and the day's count. A refused add uses no daily slot.
 */
export function addRecipientAnswer(state: PpiLevinState, shapes: EkoShapes, mobile: string, body: EkoBody): { verdict: string; body: EkoBody } {
  const c = state.customer(mobile);
  if (c.state === "not-enrolled") return { verdict: "463: not enrolled", body: structuredClone(shapes.customerNotFound) };

  const name = text(body.recipient_name);
  const recipientMobile = text(body.recipient_mobile);
  const ifsc = text(body.ifsc).toUpperCase();
  const account = text(body.account);
  const invalid: Record<string, string> = {};
  if (!IFSC.test(ifsc)) invalid.ifsc = "Invalid IFSC";
  if (!ACCOUNT.test(account)) invalid.account = "Invalid account number";
  if (Object.keys(invalid).length > 0) return { verdict: "461: recipient fields", body: validationError(shapes, invalid) };

  const { dailyLimit, duplicate, ifscNotFound, badName, badMobile } = ADD_RECIPIENT_REFUSALS;
  if (!NAME.test(name)) return { verdict: "131: recipient name", body: refusal(badName.status, badName.message) };
  if (!MOBILE.test(recipientMobile)) return { verdict: "140: recipient mobile", body: refusal(badMobile.status, badMobile.message) };
  const bank = BANKS[ifsc.slice(0, 4)];
  if (!bank) return { verdict: "521: IFSC not found", body: refusal(ifscNotFound.status, ifscNotFound.message) };
  // The sample recipients' accounts are masked, so only recipients added here can match.
  const known = [...c.added, ...c.recipients.map((r) => ({ account: String(r.account), ifsc: String(r.ifsc) }))];
  if (known.some((r) => r.account === account && r.ifsc === ifsc)) {
    return { verdict: "342: duplicate recipient", body: { ...refusal(duplicate.status, duplicate.message, -1), data: {} } };
  }
  const today = istDay(state.now());
  if (c.added.filter((a) => istDay(a.atMs) === today).length >= MAX_RECIPIENTS_ADDED_PER_DAY) {
    return { verdict: "39: 5 a day", body: refusal(dailyLimit.status, dailyLimit.message) };
  }

  const channel = NEFT_ONLY_BANKS.has(ifsc.slice(0, 4)) ? CHANNEL.neft : CHANNEL.imps;
  const added = state.addRecipient(mobile, { name, mobile: recipientMobile, account, ifsc, bank, channel });
  const data = { customer_id: mobile, recipient_mobile: recipientMobile, recipient_id: added.recipient_id };
  return { verdict: "43: recipient added", body: withData(shapes.addRecipient, data) };
}
