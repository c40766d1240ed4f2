import "server-only";
import type { EkoConfig } from "./config";
import { interpretOtpResponse, type EkoOtpOutcome } from "./otp-outcome";
import { ekoAuthHeaders } from "./signer";
import { errorCode } from "@/lib/error-code";

export const SEND_OTP_PATH = "/customer/payment/ppi-levin/otp";
const PPI_LEVIN_SERVICE_CODE = 80;

export type SendOtpRequest = {
  clientRefId: string;
  userCode: string;
  recipientId: number;
  amount: number;
  customerMobile: string;
  beneficiaryId?: string;
};

export type SendOtpDeps = {
  config: Pick<EkoConfig, "baseUrl" | "developerKey" | "accessKey" | "initiatorId" | "timeoutMs">;
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

/**
 * Signs and sends one Send Transaction OTP request. Never throws: every answer and fault becomes an outcome.
 * Retries (signed afresh) only where the request certainly did not reach Eko, and all within `timeoutMs`.
 */
export async function sendTransactionOtp(request: SendOtpRequest, deps: SendOtpDeps): Promise<EkoOtpOutcome> {
  const { config } = deps;
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;

  const body = JSON.stringify({
    initiator_id: config.initiatorId,
    user_code: request.userCode,
    client_ref_id: request.clientRefId,
    recipient_id: request.recipientId,
    amount: request.amount,
    customer_id: request.customerMobile,
    service_code: PPI_LEVIN_SERVICE_CODE,
    ...(request.beneficiaryId ? { beneficiary_id: request.beneficiaryId } : {}),
  });

  const deadline = performance.now() + config.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  const timedOut = (): EkoOtpOutcome => ({ kind: "unknown", reason: "timeout", detail: `No complete answer within ${config.timeoutMs} ms` });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await doFetch(`${config.baseUrl}${SEND_OTP_PATH}`, {
          method: "POST",
          headers: { ...ekoAuthHeaders(config.developerKey, config.accessKey, now()), "content-type": "application/json", accept: "application/json" },
          body,
          signal: controller.signal,
          cache: "no-store",
        });
        const text = await response.text();
        return interpretOtpResponse(response.status, text);
      } catch (error) {
        if (controller.signal.aborted) return timedOut();
        const code = errorCode(error);
        if (!code || !NOTHING_SENT_CODES.has(code)) {
          return { kind: "unknown", reason: "connection-lost", detail: `Connection failed mid-request (${code ?? "no code"})` };
        }
        const wait = backoffMs(attempt, random);
        const tries = `${attempt + 1} attempt${attempt ? "s" : ""}`;
        if (attempt >= MAX_RETRIES || !RETRY_CODES.has(code) || performance.now() + wait >= deadline) {
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
