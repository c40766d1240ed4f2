import { describe, expect, it } from "vitest";
import { CircuitBreaker, HALF_OPEN_RETRY_MS, type Admission } from "./circuit-breaker";
import type { EkoOtpOutcome } from "./otp-outcome";

const codes = { status: 0, responseStatusId: 0, responseTypeId: 2133, message: "ok" };
const SENT: EkoOtpOutcome = { kind: "sent", otpRefId: "ref", codes, httpStatus: 200 };
const REJECTED: EkoOtpOutcome = { kind: "rejected", codes: { ...codes, status: 347 }, invalidParams: {}, httpStatus: 200 };
const HTTP_500: EkoOtpOutcome = { kind: "failed", reason: "http", codes: null, httpStatus: 500, detail: "HTTP 500" };
const UNREACHABLE: EkoOtpOutcome = { kind: "failed", reason: "unreachable", codes: null, httpStatus: null, detail: "ECONNREFUSED" };
const AUTH: EkoOtpOutcome = { kind: "failed", reason: "auth", codes: null, httpStatus: 403, detail: "403" };
const TIMEOUT: EkoOtpOutcome = { kind: "unknown", reason: "timeout", detail: "slow" };
const LOST: EkoOtpOutcome = { kind: "unknown", reason: "connection-lost", detail: "reset" };
const UNREADABLE: EkoOtpOutcome = { kind: "unknown", reason: "unreadable-answer", detail: "garbled" };

const COOLDOWN = 30_000;

function breaker(failures = 5) {
  const clock = { now: 1_000_000 };
  return { clock, b: new CircuitBreaker({ failures, cooldownMs: COOLDOWN }, () => clock.now) };
}

function call(b: CircuitBreaker, outcome: EkoOtpOutcome): Admission {
  const admission = b.admit();
  if (admission.kind === "call") b.record(admission, outcome);
  return admission;
}

describe("the Eko circuit breaker", () => {
  it("opens after N consecutive upstream faults, of any kind", () => {
    const { b, clock } = breaker();
    for (const outcome of [HTTP_500, UNREACHABLE, TIMEOUT, LOST]) expect(call(b, outcome).kind).toBe("call");
    expect(b.state()).toBe("closed");
    expect(call(b, UNREADABLE).kind).toBe("call");
    expect(b.snapshot()).toEqual({ state: "open", retryAt: clock.now + COOLDOWN, consecutiveFailures: 5 });
  });

  it("fails fast while open, without letting a call through", () => {
    const { b, clock } = breaker(2);
    call(b, HTTP_500);
    call(b, HTTP_500);
    const openedAt = clock.now;
    clock.now += COOLDOWN - 1;
    expect(b.admit()).toEqual({ kind: "fail-fast", retryAt: openedAt + COOLDOWN });
    expect(b.state()).toBe("open");
  });

  it("counts sent, rejected and auth answers as healthy: the run of faults starts again", () => {
    for (const healthy of [SENT, REJECTED, AUTH]) {
      const { b } = breaker(3);
      call(b, HTTP_500);
      call(b, TIMEOUT);
      call(b, healthy);
      call(b, HTTP_500);
      call(b, UNREACHABLE);
      expect(b.state()).toBe("closed");
      expect(b.snapshot().consecutiveFailures).toBe(2);
    }
  });

  it("after the cool-down lets exactly one trial through; others still fail fast", () => {
    const { b, clock } = breaker(1);
    call(b, UNREACHABLE);
    clock.now += COOLDOWN;
    expect(b.state()).toBe("half-open");
    expect(b.admit()).toEqual({ kind: "call", trial: true });
    expect(b.admit()).toEqual({ kind: "fail-fast", retryAt: clock.now + HALF_OPEN_RETRY_MS });
    expect(b.admit().kind).toBe("fail-fast");
  });

  it("closes when the trial gets an answer (a rejection included)", () => {
    for (const healthy of [SENT, REJECTED]) {
      const { b, clock } = breaker(1);
      call(b, TIMEOUT);
      clock.now += COOLDOWN;
      const trial = b.admit();
      if (trial.kind !== "call") throw new Error("expected the trial");
      b.record(trial, healthy);
      expect(b.snapshot()).toEqual({ state: "closed", retryAt: null, consecutiveFailures: 0 });
      expect(b.admit()).toEqual({ kind: "call", trial: false });
    }
  });

  it("re-opens for another full cool-down when the trial fails", () => {
    const { b, clock } = breaker(3);
    for (let i = 0; i < 3; i++) call(b, HTTP_500);
    clock.now += COOLDOWN + 5_000;
    const trial = b.admit();
    expect(trial).toEqual({ kind: "call", trial: true });
    clock.now += 1_500; // the trial took a while
    if (trial.kind === "call") b.record(trial, HTTP_500);
    expect(b.snapshot()).toEqual({ state: "open", retryAt: clock.now + COOLDOWN, consecutiveFailures: 4 });
    clock.now += COOLDOWN;
    expect(b.admit()).toEqual({ kind: "call", trial: true });
  });

  it("a trial that throws frees its slot and re-opens the breaker", () => {
    const { b, clock } = breaker(1);
    call(b, HTTP_500);
    clock.now += COOLDOWN;
    const trial = b.admit();
    if (trial.kind === "call") b.abandon(trial);
    expect(b.state()).toBe("open");
    clock.now += COOLDOWN;
    expect(b.admit()).toEqual({ kind: "call", trial: true });
  });

  it("a fault from a call admitted before it opened does not extend the cool-down", () => {
    const { b, clock } = breaker(1);
    const early = b.admit();
    call(b, HTTP_500);
    const retryAt = b.snapshot().retryAt;
    clock.now += 10_000;
    if (early.kind === "call") b.record(early, TIMEOUT);
    expect(b.snapshot().retryAt).toBe(retryAt);
  });
});
