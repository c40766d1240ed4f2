import "server-only";
import { SpanStatusCode } from "@opentelemetry/api";
import { errorCode } from "@/lib/error-code";
import { countEkoCall } from "@/lib/observability/metrics";
import { inSpan } from "@/lib/observability/tracing";
import type { EkoConfig } from "./config";
import { interpretAnswer, withoutSecrets, type EkoField, type EkoOperation, type EkoOutcome } from "./operation";
import { ekoAuthHeaders } from "./signer";

export type TransportDeps = {
  config: Pick<EkoConfig, "baseUrl" | "developerKey" | "accessKey" | "initiatorId" | "timeoutMs">;
  /** The agent the call is made for: every request carries a user_code. */
  userCode: string;
  fetch?: typeof fetch;
  /** The signing clock (epoch ms); read afresh for every attempt. */
  now?: () => number;
  /** Waits between attempts; tests inject a spy. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the backoff's jitter. */
  random?: () => number;
};

/** Automatic retries, only when nothing reached Eko; each waits 200 ms × 2^n, ± 50 %. */
export const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 200;

// Errors raised before a single byte reached Eko: the request certainly did not arrive.
const NOTHING_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
// Of those, the ones another attempt may get past (a refused connection, DNS); a bad certificate stays bad.
const RETRY_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffMs(retry: number, random: () => number): number {
  return Math.round(BACKOFF_BASE_MS * 2 ** retry * (0.5 + random()));
}

function request<Input>(operation: EkoOperation<Input, unknown>, input: Input, deps: TransportDeps): { url: string; body?: string } {
  const fields = operation.fields(input, { initiatorId: deps.config.initiatorId, userCode: deps.userCode });
  const all: Record<string, EkoField> = { initiator_id: deps.config.initiatorId, user_code: deps.userCode, ...fields };
  const defined = Object.entries(all).filter((entry): entry is [string, Exclude<EkoField, undefined>] => entry[1] !== undefined);
  const url = `${deps.config.baseUrl}${operation.path(input)}`;
  if (operation.method === "POST") return { url, body: JSON.stringify(Object.fromEntries(defined)) };
  return { url: `${url}?${new URLSearchParams(defined.map(([key, value]) => [key, String(value)]))}` };
}

/**
 * Signs and sends one call of `operation`, within the configured deadline. Never throws: every answer and fault
 * becomes an outcome. Signs afresh and retries only where the request certainly did not reach Eko, and never for an
 * operation that moves money: its caller settles an unknown outcome by Transaction Inquiry, not by sending again.
 */
export function callEko<Input, Data>(operation: EkoOperation<Input, Data>, input: Input, deps: TransportDeps): Promise<EkoOutcome<Data>> {
  // The operator's view of the call: its name, status and outcome, never what it sent (a mobile, a key, an OTP).
  return inSpan(
    `eko ${operation.name}`,
    { kind: "client", attributes: { "eko.operation": operation.name, "http.request.method": operation.method } },
    async (span) => {
      const started = performance.now();
      const outcome = await send(operation, input, deps);
      const seconds = (performance.now() - started) / 1000;
      const reason = "reason" in outcome ? outcome.reason : undefined;
      countEkoCall(operation.name, { kind: outcome.kind, reason }, seconds);
      span.setAttributes({
        "eko.outcome": outcome.kind,
        ...(reason ? { "eko.reason": reason } : {}),
        ...(outcome.httpStatus ? { "http.response.status_code": outcome.httpStatus } : {}),
        ...(outcome.codes?.status != null ? { "eko.status": outcome.codes.status } : {}),
        ...(outcome.codes?.responseTypeId != null ? { "eko.response_type_id": outcome.codes.responseTypeId } : {}),
        "eko.duration_ms": Math.round(seconds * 1000),
      });
      if (outcome.kind === "failed" || outcome.kind === "unknown")
        span.setStatus({ code: SpanStatusCode.ERROR, message: `${outcome.kind}: ${reason}` });
      return outcome;
    },
  );
}

/** The call itself, attempts and deadline included. */
async function send<Input, Data>(operation: EkoOperation<Input, Data>, input: Input, deps: TransportDeps): Promise<EkoOutcome<Data>> {
  const { config } = deps;
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const { url, body } = request(operation, input, deps);
  const maxRetries = operation.movesMoney ? 0 : MAX_RETRIES;

  const deadline = performance.now() + config.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  const timedOut = (): EkoOutcome<Data> => ({ kind: "unknown", reason: "timeout", detail: `No complete answer within ${config.timeoutMs} ms` });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await doFetch(url, {
          method: operation.method,
          headers: {
            ...ekoAuthHeaders(config.developerKey, config.accessKey, now()),
            // Eko lists it among the headers of every request, GET included.
            "content-type": "application/json",
            accept: "application/json",
          },
          body,
          signal: controller.signal,
          cache: "no-store",
        });
        const text = await response.text();
        return withoutSecrets(interpretAnswer(operation, response.status, text), operation.secrets?.(input) ?? []);
      } catch (error) {
        if (controller.signal.aborted) return timedOut();
        const code = errorCode(error);
        if (!code || !NOTHING_SENT_CODES.has(code)) {
          return { kind: "unknown", reason: "connection-lost", detail: `Connection failed mid-request (${code ?? "no code"})` };
        }
        const wait = backoffMs(attempt, random);
        const tries = `${attempt + 1} attempt${attempt ? "s" : ""}`;
        if (attempt >= maxRetries || !RETRY_CODES.has(code) || performance.now() + wait >= deadline) {
          return { kind: "failed", reason: "unreachable", codes: null, httpStatus: null, detail: `Could not connect to Eko (${code}, ${tries})` };
        }
        await sleep(wait);
        if (controller.signal.aborted) return timedOut();
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
