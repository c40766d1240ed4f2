import type { MessageKey } from "@/lib/i18n/translate";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { IFSC_PATTERN } from "./banks";
import type { NewRecipientField } from "./visit-result";

/** Eko's account types for a recipient: savings or current. */
export const ACCOUNT_TYPES = ["1", "2"] as const;

export type NewRecipientValues = Record<NewRecipientField, string>;
export type NewRecipient = { name: string; mobile: string; account: string; ifsc: string; accountType: (typeof ACCOUNT_TYPES)[number] };
export type NewRecipientRead = { ok: true; value: NewRecipient } | { ok: false; errors: Partial<Record<NewRecipientField, MessageKey>> };

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The add-recipient form, read the same in the browser and on the server. Plain functions, like the OTP form's
 * readers, so zod stays out of the page's JavaScript. The account number is typed twice and never kept.
 */
export function readNewRecipient(values: Partial<Record<NewRecipientField, unknown>>): NewRecipientRead {
  const errors: Partial<Record<NewRecipientField, MessageKey>> = {};
  const name = text(values.name).trim().replace(/\s+/g, " ");
  if (!name) errors.name = "error.recipient.name.required";
  else if (!/^[A-Za-z][A-Za-z .]{1,49}$/.test(name)) errors.name = "error.recipient.name.format";
  const mobile = normaliseMobile(text(values.mobile));
  if (!text(values.mobile).trim()) errors.mobile = "error.recipient.mobile.required";
  else if (!mobile) errors.mobile = "error.customerMobile.invalid";
  const account = text(values.account).replace(/\s/g, "");
  if (!account) errors.account = "error.recipient.account.required";
  else if (!/^\d{9,18}$/.test(account)) errors.account = "error.recipient.account.format";
  else if (text(values.accountConfirm).replace(/\s/g, "") !== account) errors.accountConfirm = "error.recipient.account.mismatch";
  const ifsc = text(values.ifsc).trim().toUpperCase();
  if (!ifsc) errors.ifsc = "error.recipient.ifsc.required";
  else if (!IFSC_PATTERN.test(ifsc)) errors.ifsc = "error.recipient.ifsc.format";
  const accountType = text(values.accountType) || "1";
  if (!(ACCOUNT_TYPES as readonly string[]).includes(accountType)) errors.accountType = "error.recipient.accountType";
  if (Object.keys(errors).length > 0 || !mobile) return { ok: false, errors };
  return { ok: true, value: { name, mobile, account, ifsc, accountType: accountType as NewRecipient["accountType"] } };
}

