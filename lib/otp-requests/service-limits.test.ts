import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEvents, otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { LimitSettings } from "./limit-settings";
import type { OtpRequestResult } from "./result";
import { requestTransactionOtp } from "./service";
import { insertRows, MOBILES } from "./testing/ledger-rows";
import { otpInput, serviceDeps, submission, simulatedEkoForFile } from "./testing/service-harness";

const eko = simulatedEkoForFile();
const DEFAULTS: LimitSettings = { mobilePer15Min: 3, mobilePer24Hours: 10, agentPer15Min: 30 };
const T0 = new Date("2026-11-26T17:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

describeEachDatabase("limits against SMS abuse", (database) => {
  beforeEach(() => database.reset());

  /** The service on a clock that reads `clock.now`; the window arithmetic is then exact. */
  const clock = { now: T0 };
  const deps = (limits: LimitSettings = DEFAULTS) => serviceDeps(database.db, eko, { limits, now: () => clock.now });
  const send = (mobile: string = MOBILES.x, limits?: LimitSettings) =>
    requestTransactionOtp(otpInput({ customerMobile: mobile }), submission(), deps(limits));
  const statuses = (results: OtpRequestResult[]) => results.map((r) => r.status);

  it("refuses the 4th OTP for one mobile within 15 minutes, records it, and tells when to try again", async () => {
    for (const minutes of [0, 4, 9]) {
      clock.now = at(minutes);
      expect((await send()).status).toBe("sent");
    }
    clock.now = at(12);
    const refused = await send();

    expect(refused).toEqual({ status: "limited", limit: "mobile-15m", max: 3, retryAt: at(15).toISOString(), clientRefId: expect.any(String) });
    expect(eko.sim.received).toHaveLength(3);
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.state, "limited"));
    expect(row).toMatchObject({ failureReason: "mobile-15m", result: refused, createdAt: at(12), completedAt: at(12), otpRefId: null });

    const clientRefId = refused.status === "limited" ? refused.clientRefId : "";
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.target, clientRefId));
    expect(audit).toMatchObject([
      { actor: "asha", action: "otp.limited", detail: { limit: "mobile-15m", count: 3, max: 3, retryAt: at(15).toISOString() } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(MOBILES.x);

    clock.now = at(15);
    expect((await send()).status).toBe("sent");
  });

  it("counts only requests inside the window, and not earlier refusals", async () => {
    clock.now = at(0);
    await insertRows(database.db, [
      ...[16, 30, 60].map((ago) => ({ at: at(-ago) })),
      ...[1, 2, 3, 4].map((ago) => ({ at: at(-ago), state: "limited" as const })),
      { at: at(-5), mobile: MOBILES.y },
    ]);
    expect(statuses([await send(), await send(), await send(), await send()])).toEqual(["sent", "sent", "sent", "limited"]);
    expect(eko.sim.received).toHaveLength(3);
  });

  it("refuses an 11th OTP for one mobile within 24 hours, until the oldest leaves the window", async () => {
    clock.now = at(0);
    await insertRows(
      database.db,
      [23, 20, 12, 8, 6, 5, 4, 3, 2, 1].map((hoursAgo) => ({ at: at(-hoursAgo * 60) })),
    );
    const refused = await send();
    expect(refused).toMatchObject({ status: "limited", limit: "mobile-24h", max: 10, retryAt: at(60).toISOString() });
    expect(eko.sim.received).toHaveLength(0);
  });

  it("refuses the agent's (N+1)th OTP across different mobiles", async () => {
    const limits = { ...DEFAULTS, agentPer15Min: 2 };
    clock.now = at(0);
    const results = [await send(MOBILES.x, limits), await send(MOBILES.y, limits), await send(MOBILES.z, limits)];
    expect(statuses(results)).toEqual(["sent", "sent", "limited"]);
    expect(results[2]).toMatchObject({ limit: "agent-15m", max: 2, retryAt: at(15).toISOString() });
    expect(eko.sim.received).toHaveLength(2);
  });

  it("reports the limit that frees up last when several are full", async () => {
    clock.now = at(0);
    await insertRows(
      database.db,
      [600, 300, 200, 100, 50, 40, 30].map((minutesAgo) => ({ at: at(-minutesAgo) })),
    );
    await insertRows(
      database.db,
      [10, 5, 1].map((minutesAgo) => ({ at: at(-minutesAgo) })),
    );
    expect(await send()).toMatchObject({ status: "limited", limit: "mobile-24h", retryAt: at(24 * 60 - 600).toISOString() });
  });

  it("lets exactly 3 of 6 concurrent requests for one mobile through", async () => {
    clock.now = at(0);
    const results = await Promise.all(Array.from({ length: 6 }, () => send()));
    expect(statuses(results).sort()).toEqual(["limited", "limited", "limited", "sent", "sent", "sent"]);
    expect(eko.sim.received).toHaveLength(3);
    const rows = await database.db.select({ state: otpRequests.state }).from(otpRequests);
    expect(rows.map((r) => r.state).sort()).toEqual(["limited", "limited", "limited", "sent", "sent", "sent"]);
  });

  it("a refused submission repeated gets the same refusal, with no second audit event", async () => {
    clock.now = at(0);
    await insertRows(
      database.db,
      [3, 2, 1].map((minutesAgo) => ({ at: at(-minutesAgo) })),
    );
    const context = submission();
    const first = await requestTransactionOtp(otpInput(), context, deps());
    expect(first.status).toBe("limited");
    expect(await requestTransactionOtp(otpInput(), context, deps())).toEqual(first);
    const clientRefId = first.status === "limited" ? first.clientRefId : "";
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.target, clientRefId))).toHaveLength(1);
    expect(eko.sim.received).toHaveLength(0);
  });
});
