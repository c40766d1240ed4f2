import "server-only";
import { settings, type Settings } from "@/lib/settings";
import { CircuitBreaker, type EkoStatus } from "./circuit-breaker";

export type BreakerSettings = Settings<"breaker">;

export function getBreakerSettings(): BreakerSettings {
  return settings("breaker");
}

// One breaker per process, shared by every bundle that imports this module (it hangs off globalThis).
const holder = globalThis as typeof globalThis & { __levinDeskEkoBreaker?: CircuitBreaker };

/** The process's breaker around Eko, with the EKO_BREAKER_* settings. */
export function getEkoBreaker(): CircuitBreaker {
  holder.__levinDeskEkoBreaker ??= new CircuitBreaker(getBreakerSettings());
  return holder.__levinDeskEkoBreaker;
}

/** What the banner shows and GET /api/eko-status answers: this process's breaker now. */
export function currentEkoStatus(): EkoStatus {
  const { state, retryAt } = getEkoBreaker().snapshot();
  return { breaker: state, retryAt: retryAt === null ? null : new Date(retryAt).toISOString() };
}
