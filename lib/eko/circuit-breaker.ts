import type { EkoOutcome } from "./operation";

/** What the breaker needs of any operation's outcome. */
type AnyOutcome = { kind: EkoOutcome<unknown>["kind"] | "sent"; reason?: string };

export type BreakerState = "closed" | "open" | "half-open";
export type BreakerLimits = { failures: number; cooldownMs: number };

/** A call let through (`trial` when it is the one half-open test of Eko), or a refusal with when to try again. */
export type Admission = { kind: "call"; trial: boolean } | { kind: "fail-fast"; retryAt: number };

/** What supervisors and /api/health see; `retryAt` (epoch ms) only while open. */
export type BreakerSnapshot = { state: BreakerState; retryAt: number | null; consecutiveFailures: number };

/** What GET /api/eko-status answers: the breaker's state and, while open, when it lets a trial through (ISO). */
export type EkoStatus = { breaker: BreakerState; retryAt: string | null };

/** While one trial is out, the others are told to come back this much later (the trial settles it by then). */
export const HALF_OPEN_RETRY_MS = 5_000;

/**
 * An upstream fault: Eko could not be reached, answered with an HTTP error, or gave no usable answer in time.
 * Sent, rejected (a business refusal) and auth (Eko answered, refusing the keys) are answers: Eko is up.
 */
export function isUpstreamFault(outcome: AnyOutcome): boolean {
  if (outcome.kind === "unknown") return true;
  return outcome.kind === "failed" && (outcome.reason === "http" || outcome.reason === "unreachable");
}

/**
 * Per-process circuit breaker around the Eko call. Pure: the clock is injected (epoch ms).
 * Closed → open after `failures` faults in a row; open → half-open once `cooldownMs` has passed, when exactly one
 * trial call goes through; its answer closes the breaker, its fault opens it again for another cool-down.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openUntil: number | null = null;
  private trialOut = false;

  constructor(
    private readonly limits: BreakerLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  state(): BreakerState {
    if (this.openUntil === null) return "closed";
    return this.clock() < this.openUntil ? "open" : "half-open";
  }

  snapshot(): BreakerSnapshot {
    const state = this.state();
    return { state, retryAt: state === "open" ? this.openUntil : null, consecutiveFailures: this.consecutive };
  }

  /** Asks to call Eko now. A `call` admission must be settled with `record` (or `abandon`). */
  admit(): Admission {
    const now = this.clock();
    if (this.openUntil === null) return { kind: "call", trial: false };
    if (now < this.openUntil) return { kind: "fail-fast", retryAt: this.openUntil };
    if (this.trialOut) return { kind: "fail-fast", retryAt: now + HALF_OPEN_RETRY_MS };
    this.trialOut = true;
    return { kind: "call", trial: true };
  }

  /** Eko's outcome for an admitted call. Any answer closes the breaker; a fault counts towards opening it. */
  record(admission: Extract<Admission, { kind: "call" }>, outcome: AnyOutcome): void {
    if (!isUpstreamFault(outcome)) {
      this.consecutive = 0;
      this.openUntil = null;
      this.trialOut = false;
      return;
    }
    this.consecutive += 1;
    if (admission.trial) {
      this.trialOut = false;
      this.open();
    } else if (this.openUntil === null && this.consecutive >= this.limits.failures) {
      this.open();
    }
  }

  /** The admitted call never produced an outcome (it threw): a trial frees its slot as if it had failed. */
  abandon(admission: Extract<Admission, { kind: "call" }>): void {
    if (!admission.trial) return;
    this.trialOut = false;
    this.open();
  }

  private open(): void {
    this.openUntil = this.clock() + this.limits.cooldownMs;
  }
}
