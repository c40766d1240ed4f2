export const MASK = "••••••";

/** ••••••4444: enough for the customer to recognise their number, not enough to identify them. */
export function maskMobile(mobile: string): string {
  return `${MASK}${mobile.slice(-4)}`;
}

// An Indian mobile as it may appear in free text: 10 digits from 6 to 9, maybe after +91, 91 or a trunk 0, maybe
// grouped 5+5; never a piece of a longer number (an account number, a TID).
const MOBILE_IN_TEXT = /(?<![\d+])(?:\+?91[\s-]?|0)?([6-9]\d{4})[\s-]?(\d{5})(?!\d)/g;

/**
 * Text from outside (Eko's `message` and `invalid_params`) with every mobile masked: Eko may echo `customer_id`, and
 * what it says is stored, logged and shown.
 */
export function maskMobilesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (_match, head: string, tail: string) => maskMobile(`${head}${tail}`));
}

/** An account number as the desk keeps and shows it: the last four digits only, or Eko's own masking as Eko sent it. */
export const maskAccount = (account: string) => (account.length <= 4 || /^\d*[Xx*•]+\d*$/.test(account) ? account : `${MASK.slice(0, 4)}${account.slice(-4)}`);
