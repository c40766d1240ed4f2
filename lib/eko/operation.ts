import type { z } from "zod";
import { codesOf, envelopeSchema, invalidParamsOf, type EkoCodes, type EkoEnvelope } from "./envelope";
import { maskMobilesInText } from "@/lib/privacy/mask";

/** What every request to Eko carries besides the operation's own fields. */
export type EkoContext = { initiatorId: string; userCode: string };

/**
 * One Eko operation, declared once: how to address it, what to send, the shape of its `data` on success and how
 * success is recognised, and whether it moves money (then it is never sent twice, not even automatically).
 */
export type EkoOperation<Input, Data> = {
  name: string;
  method: "GET" | "POST";
  /** Below the base URL, every variable part already encoded. */
  path: (input: Input) => string;
  /** POST: the JSON body (a list only where Eko wants lines). GET: the query. Both are given initiator_id and user_code. */
  fields: (input: Input, context: EkoContext) => Record<string, EkoField>;
  data: z.ZodType<Data>;
  succeeded: (envelope: EkoEnvelope) => boolean;
  movesMoney: boolean;
  /** What the call sends that must never be kept (Aadhaar, PAN): cut from Eko's answer should Eko echo it. */
  secrets?: (input: Input) => string[];
};

export type EkoField = string | number | readonly string[] | undefined;

export function defineOperation<Input, Data>(operation: EkoOperation<Input, Data>): EkoOperation<Input, Data> {
  return operation;
}

export type EkoUnknownReason = "timeout" | "connection-lost" | "unreadable-answer";

/** Every answer or fault of any operation, as one typed outcome. */
export type EkoOutcome<Data> =
  | { kind: "ok"; data: Data; codes: EkoCodes; httpStatus: number }
  /** Eko answered, and not with the operation's success: its codes say why (a refusal, or a next step to take). */
  | { kind: "rejected"; codes: EkoCodes; invalidParams: Record<string, string>; httpStatus: number }
  | { kind: "failed"; reason: "auth" | "http" | "unreachable"; codes: EkoCodes | null; httpStatus: number | null; detail: string }
  /**
   * Eko may or may not have acted: no answer in time, the connection broke mid-answer, or a 2xx answer that could not
   * be read (Eko got the request and said something, but not what).
   */
  | { kind: "unknown"; reason: EkoUnknownReason; detail: string; httpStatus?: number; codes?: EkoCodes | null };

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const snippet = (text: string) => maskMobilesInText(text).replace(/\s+/g, " ").trim().slice(0, 120);

/** The outcome with every secret the call sent cut from Eko's words (its message, invalid_params, the detail). */
export function withoutSecrets<Data>(outcome: EkoOutcome<Data>, secrets: string[]): EkoOutcome<Data> {
  const cut = secrets.filter((s) => s.length >= 4);
  if (cut.length === 0) return outcome;
  const clean = (text: string) => cut.reduce((t, s) => t.split(s).join("[withheld]"), text);
  const codes = outcome.codes ? { ...outcome.codes, message: outcome.codes.message === null ? null : clean(outcome.codes.message) } : outcome.codes;
  const cleaned = { ...outcome, codes } as EkoOutcome<Data>;
  if (cleaned.kind === "rejected") cleaned.invalidParams = Object.fromEntries(Object.entries(cleaned.invalidParams).map(([k, v]) => [k, clean(v)]));
  if (cleaned.kind === "failed" || cleaned.kind === "unknown") cleaned.detail = clean(cleaned.detail);
  return cleaned;
}

/** Turns Eko's HTTP answer to `operation` into one typed outcome. Pure: no I/O. */
export function interpretAnswer<Data>(
  operation: Pick<EkoOperation<never, Data>, "data" | "succeeded">,
  httpStatus: number,
  bodyText: string,
): EkoOutcome<Data> {
  const json = tryJson(bodyText);
  const envelope = envelopeSchema.safeParse(json);
  const codes = envelope.success ? codesOf(envelope.data) : null;

  if (httpStatus === 403) return { kind: "failed", reason: "auth", codes, httpStatus, detail: "HTTP 403 from Eko" };
  if (httpStatus < 200 || httpStatus > 299) return { kind: "failed", reason: "http", codes, httpStatus, detail: `HTTP ${httpStatus} from Eko` };
  // From here Eko accepted the request (2xx): an answer we cannot read may still mean it acted.
  if (json === undefined) {
    return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: null, detail: `Body is not JSON: ${snippet(bodyText) || "(empty)"}` };
  }
  if (!envelope.success)
    return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: null, detail: "JSON without Eko's status envelope" };

  const e = envelope.data;
  if (!operation.succeeded(e)) return { kind: "rejected", codes: codesOf(e), invalidParams: invalidParamsOf(e), httpStatus };
  const data = operation.data.safeParse(e.data);
  if (data.success) return { kind: "ok", data: data.data, codes: codesOf(e), httpStatus };
  // Eko said it succeeded but not in a shape the next step can use: it may have acted, so this is not a refusal.
  const field = data.error.issues[0]?.path.join(".") || "data";
  return { kind: "unknown", reason: "unreadable-answer", httpStatus, codes: codesOf(e), detail: `Success without a usable ${field}` };
}
