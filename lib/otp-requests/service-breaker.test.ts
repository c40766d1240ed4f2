import { eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { drain, inFlightCount, resetShutdownForTests } from "@/lib/startup/graceful-shutdown";
import { i18nFor } from "@/lib/i18n/dictionaries";
import { describeResult } from "./result-message";
import { requestTransactionOtp, type ServiceDeps } from "./service";
import { otpInput, rowsForSubmission, serviceDeps, SLOW_RECIPIENT, submission, simulatedEkoForFile } from "./testing/service-harness";

const eko = simulatedEkoForFile({ slowMs: 400, timeoutMs: 1500 });
const HTTP_500 = 500;
const COOLDOWN_MS = 30_000;

describeEachDatabase("the service behind the Eko circuit breaker and the shutdown gate", (database) => {
  const clock = { now: Date.parse("2026-11-26T17:00:00.000Z") };
  let breaker: CircuitBreaker;
  beforeEach(async () => {
    await database.reset();
    breaker = new CircuitBreaker({ failures: 3, cooldownMs: COOLDOWN_MS }, () => clock.now);
    resetShutdownForTests();
  });
  afterEach(() => resetShutdownForTests());

  const deps = (overrides: Partial<ServiceDeps> = {}) => serviceDeps(database.db, eko, { breaker, ...overrides });
  const send = async (recipientId = 10017740, overrides: Partial<ServiceDeps> = {}) => {
    const context = submission();
    const result = await requestTransactionOtp(otpInput({ recipientId }), context, deps(overrides));
    return { result, rows: await rowsForSubmission(database.db, context.submissionId) };
  };

  it("after N upstream failures the next request does not reach Eko and is recorded as failed/circuit-open", async () => {
    for (let i = 0; i < 3; i++) expect((await send(HTTP_500)).result).toMatchObject({ status: "failed", reason: "http", httpStatus: 500 });
    expect(eko.sim.received).toHaveLength(3);
    expect(breaker.state()).toBe("open");

    const { result, rows } = await send();
    const retryAt = new Date(clock.now + COOLDOWN_MS).toISOString();
    expect(result).toEqual({ status: "failed", reason: "circuit-open", clientRefId: expect.any(String), eko: null, httpStatus: null, retryAt });
    expect(eko.sim.received).toHaveLength(3);
    expect(rows).toMatchObject([{ state: "failed", failureReason: "circuit-open", result, otpRefId: null, completedAt: expect.any(Date) }]);
    expect(describeResult(result, i18nFor("en")).title).toMatch(/^Eko is not answering; try in \d+ seconds?\./);
  });

  it("after the cool-down one trial reaches Eko; its answer closes the breaker", async () => {
    for (let i = 0; i < 3; i++) await send(HTTP_500);
    clock.now += COOLDOWN_MS;
    expect((await send()).result.status).toBe("sent");
    expect(eko.sim.received).toHaveLength(4);
    expect(breaker.state()).toBe("closed");
    expect((await send()).result.status).toBe("sent");
  });

  it("while the trial is out, other requests fail fast; a failed trial re-opens the breaker", async () => {
    for (let i = 0; i < 3; i++) await send(HTTP_500);
    clock.now += COOLDOWN_MS;
    const trial = send(SLOW_RECIPIENT);
    await expect.poll(() => eko.sim.received.length).toBe(4);
    expect((await send()).result).toMatchObject({ status: "failed", reason: "circuit-open" });
    expect((await trial).result.status).toBe("sent");
    expect(breaker.state()).toBe("closed");

    for (let i = 0; i < 3; i++) await send(HTTP_500);
    clock.now += COOLDOWN_MS;
    expect((await send(HTTP_500)).result).toMatchObject({ status: "failed", reason: "http" });
    expect(breaker.snapshot()).toMatchObject({ state: "open", retryAt: clock.now + COOLDOWN_MS });
    expect((await send()).result).toMatchObject({ status: "failed", reason: "circuit-open" });
    expect(eko.sim.received).toHaveLength(8);
  });

  it("rejections are answers: they keep the breaker closed", async () => {
    for (const recipientId of [HTTP_500, HTTP_500, 347, HTTP_500, HTTP_500]) await send(recipientId);
    expect(breaker.state()).toBe("closed");
    expect(eko.sim.received).toHaveLength(5);
  });

  it("while draining, a new request is recorded as failed/shutting-down and never reaches Eko", async () => {
    const { result, rows } = await send(10017740, { draining: () => true });
    expect(result).toEqual({
      status: "failed",
      reason: "shutting-down",
      clientRefId: expect.any(String),
      eko: null,
      httpStatus: null,
      retryAt: null,
    });
    expect(describeResult(result, i18nFor("en")).title).toBe("The desk is restarting; nothing was sent. Try again in a moment.");
    expect(rows).toMatchObject([{ state: "failed", failureReason: "shutting-down", result }]);
    expect(eko.sim.received).toHaveLength(0);
  });

  it("a drain waits for the request in flight, whose row is then complete", async () => {
    const context = submission();
    const pending = requestTransactionOtp(otpInput({ recipientId: SLOW_RECIPIENT }), context, deps({ draining: undefined }));
    await expect.poll(() => eko.sim.received.length).toBe(1);
    expect(inFlightCount()).toBe(1);
    expect(await drain(5_000)).toBe(true);
    expect(inFlightCount()).toBe(0);
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.submissionId, context.submissionId));
    expect(row).toMatchObject({ state: "sent", result: await pending });
    // Draining now: the next one is refused.
    expect((await send()).result).toMatchObject({ status: "failed", reason: "shutting-down" });
  });

  it("with completeAfter, the row's completion is handed over, not awaited, and a drain still waits for it", async () => {
    const context = submission();
    const handed: Promise<void>[] = [];
    const result = await requestTransactionOtp(otpInput(), context, {
      ...deps({ draining: undefined }),
      completeAfter: (write) => handed.push(write),
    });
    expect(result).toMatchObject({ status: "sent" });
    expect(handed).toHaveLength(1);
    // Nothing awaits the handed-over write here: the drain alone must see it through.
    expect(await drain(5_000)).toBe(true);
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.submissionId, context.submissionId));
    expect(row).toMatchObject({ state: "sent", result });
  });
});
