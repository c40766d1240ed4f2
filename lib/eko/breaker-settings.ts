import "server-only";
import { settings, type Settings } from "@/lib/settings";
import { CircuitBreaker } from "./circuit-breaker";

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
