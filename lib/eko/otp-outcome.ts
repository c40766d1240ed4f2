import { z } from "zod";
import { maskMobilesInText } from "@/lib/privacy/mask";

/** Eko's envelope codes, kept for the agent, the supervisor and the log. */
export type EkoCodes = {
  status: number | null;
  responseStatusId: number | null;
  responseTypeId: number | null;
  message: string | null;
};

export type EkoOtpOutcome =
  | { kind: "sent"; otpRefId: string; codes: EkoCodes; httpStatus: number }
  | { kind: "rejected"; codes: EkoCodes; invalidParams: Record<string, string>; httpStatus: number }
  | { kind: "failed"; reason: "auth" | "http" | "unreachable"; codes: EkoCodes | null; httpStatus: number | null; detail: string }
  /**
   * Eko may or may not have sent the OTP: no answer in time, the connection broke mid-answer, or a 2xx answer whose
   * body could not be read (Eko got the request and said something, but not what).
   */
  | { kind: "unknown"; reason: EkoUnknownReason; detail: string; httpStatus?: number; codes?: EkoCodes | null };

export type EkoUnknownReason = "timeout" | "connection-lost" | "unreadable-answer";

const ekoInt = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const envelopeSchema = z.object({
  status: ekoInt,
  message: z.string().optional().catch(undefined),
  response_status_id: ekoInt.optional().catch(undefined),
  response_type_id: ekoInt.optional().catch(undefined),
  data: z.unknown().optional(),
  invalid_params: z
    .record(z.string(), z.unknown())
    .optional()
    .catch(undefined),
});

const otpDataSchema = z.object({ otp_ref_id: z.string().trim().min(1) });

const SEND_OTP_RESPONSE_TYPE = 2133;

function codesOf(envelope: z.infer<typeof envelopeSchema>): EkoCodes {
  return {
    status: envelope.status,
    responseStatusId: envelope.response_status_id ?? null,
    responseTypeId: envelope.response_type_id ?? null,
    message: maskMobilesInText(envelope.message?.trim() ?? "") || null,
  };
}

function stringifyParams(params: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(params ?? {})) {
    out[field] = maskMobilesInText(typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const snippet = (text: string) => maskMobilesInText(text).replace(/\s+/g, " ").trim().slice(0, 120);

/** Turns Eko's HTTP answer to Send Transaction OTP into one typed outcome. Pure: no I/O. */
export function interpretOtpResponse(httpStatus: number, bodyText: string): EkoOtpOutcome {
  const json = tryJson(bodyText);
  const envelope = envelopeSchema.safeParse(json);
  const codes = envelope.success ? codesOf(envelope.data) : null;

  if (httpStatus === 403) {
    return { kind: "failed", reason: "auth", codes, httpStatus, detail: "HTTP 403 from Eko" };
  }
  if (httpStatus < 200 || httpStatus > 299) {
    return { kind: "failed", reason: "http", codes, httpStatus, detail: `HTTP ${httpStatus} from Eko` };
  }
  // From here Eko accepted the request (2xx): an answer we cannot read may still mean the OTP went out.
  if (json === undefined) {
    return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: null, detail: `Body is not JSON: ${snippet(bodyText) || "(empty)"}` };
  }
  if (!envelope.success) {
    return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: null, detail: "JSON without Eko's status envelope" };
  }

  const e = envelope.data;
  const otp = otpDataSchema.safeParse(e.data);
  const looksSent = e.response_type_id === SEND_OTP_RESPONSE_TYPE || e.status === 0;
  if (looksSent && otp.success) {
    return { kind: "sent", otpRefId: otp.data.otp_ref_id, codes: codesOf(e), httpStatus };
  }
  if (e.status === 0 || e.response_type_id === SEND_OTP_RESPONSE_TYPE) {
    // Eko reported success but gave no usable reference: the OTP may have gone, yet the next step cannot proceed.
    return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: codesOf(e), detail: "Success without an otp_ref_id" };
  }
  return { kind: "rejected", codes: codesOf(e), invalidParams: stringifyParams(e.invalid_params), httpStatus };
}
