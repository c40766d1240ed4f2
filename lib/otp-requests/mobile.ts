const SEPARATORS = /[\s\-().]/g;
const INDIAN_MOBILE = /^[6-9]\d{9}$/;

/**
 * Reads a mobile the way agents type it ("+91 98765 43210", "098765-43210", "919876543210") and returns the
 * 10-digit number, or null when it is not an Indian mobile. Only a full country code or a single trunk 0 is dropped.
 */
export function normaliseMobile(input: string): string | null {
  const compact = input.replace(SEPARATORS, "");
  let national = compact;
  if (/^\+91\d{10}$/.test(compact)) national = compact.slice(3);
  else if (/^0091\d{10}$/.test(compact)) national = compact.slice(4);
  else if (/^91\d{10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d{10}$/.test(compact)) national = compact.slice(1);
  return INDIAN_MOBILE.test(national) ? national : null;
}
