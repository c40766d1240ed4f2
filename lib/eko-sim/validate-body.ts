export type OtpBody = {
  initiator_id: string;
  user_code: string;
  client_ref_id: string;
  recipient_id: number;
  amount: number;
  customer_id: string;
  service_code?: number | string;
  beneficiary_id?: string;
};

const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const isPositiveInteger = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value > 0;

/** Field-by-field checks in the spirit of Eko's 461 answers: every bad field named with a reason. */
export function validateOtpBody(body: unknown): { ok: true; body: OtpBody } | { ok: false; invalidParams: Record<string, string> } {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { ok: false, invalidParams: { body: "Request body must be a JSON object" } };
  const b = body as Record<string, unknown>;
  const invalid: Record<string, string> = {};
  if (!isText(b.initiator_id)) invalid.initiator_id = "initiator_id is required";
  if (!isText(b.user_code) || !/^\d+$/.test(b.user_code)) invalid.user_code = "user_code is required";
  if (!isText(b.client_ref_id) || b.client_ref_id.length > 20) invalid.client_ref_id = "client_ref_id is required, at most 20 characters";
  if (!isPositiveInteger(b.recipient_id)) invalid.recipient_id = "recipient_id must be an integer";
  if (!isPositiveInteger(b.amount)) invalid.amount = "amount must be an integer number of rupees";
  if (!isText(b.customer_id) || !/^[6-9]\d{9}$/.test(b.customer_id)) invalid.customer_id = "customer_id must be a 10-digit mobile number";
  if (b.service_code !== undefined && String(b.service_code) !== "80") invalid.service_code = "service_code must be 80";
  if (b.beneficiary_id !== undefined && typeof b.beneficiary_id !== "string") invalid.beneficiary_id = "beneficiary_id must be a string";
  return Object.keys(invalid).length > 0 ? { ok: false, invalidParams: invalid } : { ok: true, body: b as OtpBody };
}
