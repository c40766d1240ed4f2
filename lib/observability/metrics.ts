import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * This process's Prometheus numbers. Labels are operation names, outcome codes and limit names: never an agent, a
 * mobile or anything a person typed. Each instance counts its own calls; pending inquiries are the database's.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    ekoCalls: new Counter({
      name: "levin_eko_calls_total",
      help: "Eko calls by operation and outcome (ok, rejected, failed, unknown; not-sent when the desk held the call back)",
      labelNames: ["operation", "outcome", "reason"] as const,
      registers,
    }),
    ekoDuration: new Histogram({
      name: "levin_eko_call_duration_seconds",
      help: "Time from sending an Eko call to its outcome, retries included",
      labelNames: ["operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers,
    }),
    limitsHit: new Counter({
      name: "levin_limits_hit_total",
      help: "Requests refused by a limit, by limit",
      labelNames: ["limit"] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: "levin_eko_breaker_state",
      help: "This process's circuit breaker around Eko: 1 for the state it is in",
      labelNames: ["state"] as const,
      registers,
    }),
    breakerFailures: new Gauge({
      name: "levin_eko_breaker_consecutive_failures",
      help: "Upstream faults in a row, as the breaker counts them",
      registers,
    }),
    pendingInquiries: new Gauge({
      name: "levin_pending_inquiries",
      help: "Transfers and refunds whose outcome Eko has still to be asked about (every instance's, from the database)",
      labelNames: ["kind"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process, shared by every bundle that imports this module (it hangs off globalThis).
const holder = globalThis as typeof globalThis & { __levinDeskMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__levinDeskMetrics ??= createMetrics();
  return holder.__levinDeskMetrics;
}

/** One Eko call's outcome (`kind`, with its reason when it failed or is unknown) and how long it took. */
export function countEkoCall(operation: string, outcome: { kind: string; reason?: string }, seconds: number | null): void {
  const metrics = getMetrics();
  metrics.ekoCalls.inc({ operation, outcome: outcome.kind, reason: outcome.reason ?? "" });
  if (seconds !== null) metrics.ekoDuration.observe({ operation }, seconds);
}

/** A request refused by one of the limits (its name, e.g. `mobile-15m`). */
export function countLimitHit(limit: string): void {
  getMetrics().limitsHit.inc({ limit });
}
