import type { ReviewRow } from "@/lib/otp-requests/review-filters";

/**
 * A stand-in for the desk's CSV format (lib/otp-requests/requests-csv.ts does not exist yet): the columns a supervisor
 * exports, mobile masked, RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula.
 */
const COLUMNS: readonly [string, (row: ReviewRow) => string | number | null][] = [
  ["Created at", (r) => r.createdAt],
  ["Agent", (r) => r.agent],
  ["User code", (r) => r.userCode],
  ["Customer mobile", (r) => r.customerMobileMasked],
  ["Recipient ID", (r) => r.recipientId],
  ["Beneficiary ID", (r) => r.beneficiaryId],
  ["Amount (₹)", (r) => r.amount],
  ["Outcome", (r) => r.state],
  ["OTP ref", (r) => r.otpRefId],
  ["Failure reason", (r) => r.failureReason],
  ["Eko status", (r) => r.ekoStatus],
  ["Eko response type", (r) => r.ekoResponseTypeId],
  ["Eko message", (r) => r.ekoMessage],
  ["HTTP status", (r) => r.httpStatus],
  ["Latency (ms)", (r) => r.latencyMs],
];

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_HEADER = `${COLUMNS.map(([name]) => csvField(name)).join(",")}\r\n`;

/** One batch of rows as CSV text, CRLF line ends. */
export function csvLines(rows: readonly ReviewRow[]): string {
  let out = "";
  for (const row of rows) out += `${COLUMNS.map(([, get]) => csvField(get(row))).join(",")}\r\n`;
  return out;
}
