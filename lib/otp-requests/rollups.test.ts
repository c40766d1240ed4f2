import { beforeAll, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { otpFlaggedCustomers, otpLatencyRollups, otpRejectionRollups, otpRequestRollups } from "@/lib/db/schema";
import type { Db } from "@/lib/db/open";
import { bucketOf } from "@/lib/ledger/latency-histogram";
import { completeRequests, recordLimited, recordPending, type DatedCompletion } from "./ledger-repository";
import { rebuildOtpRollups } from "./rollups";
import { ledgerRow, MOBILES, type RowSpec } from "./testing/ledger-rows";

// 18:29:59 UTC is 23:59:59 in India, on the 25th; a minute later it is the 26th.
const T = Date.parse("2026-11-25T18:20:00.000Z");
const at = (minutes: number) => new Date(T + minutes * 60_000);

type Step = RowSpec & { complete?: Omit<DatedCompletion["completion"], "latencyMs"> & { latencyMs: number }; limited?: boolean };

const STEPS: Step[] = [
  { at: at(0), mobile: MOBILES.x, complete: { state: "sent", latencyMs: 120 } },
  { at: at(5), mobile: MOBILES.x, complete: { state: "rejected", latencyMs: 480, ekoStatus: 463, ekoMessage: "Recipient not found" } },
  { at: at(9), mobile: MOBILES.x, agent: "ravi", complete: { state: "sent", latencyMs: 0 } },
  { at: at(11), mobile: MOBILES.x, latencyMs: null, limited: true },
  { at: at(12), mobile: MOBILES.y, agent: "ravi", complete: { state: "rejected", latencyMs: 2_950 } },
  { at: at(13), mobile: MOBILES.y, agent: "ravi", complete: { state: "unknown", latencyMs: 15_000, failureReason: "timeout" } },
  { at: at(14), mobile: MOBILES.z, complete: { state: "failed", latencyMs: 33, failureReason: "http" } },
  { at: at(15), mobile: MOBILES.z },
];

async function snapshot(db: Db) {
  return {
    requests: await db
      .select()
      .from(otpRequestRollups)
      .orderBy(asc(otpRequestRollups.agent), asc(otpRequestRollups.span), asc(otpRequestRollups.day), asc(otpRequestRollups.state)),
    latencies: await db
      .select()
      .from(otpLatencyRollups)
      .orderBy(sql`1, 2, 3, 4, 5`),
    rejections: await db
      .select()
      .from(otpRejectionRollups)
      .orderBy(sql`1, 2, 3, 4, 5`),
    flagged: await db
      .select()
      .from(otpFlaggedCustomers)
      .orderBy(asc(otpFlaggedCustomers.agent), asc(otpFlaggedCustomers.span), asc(otpFlaggedCustomers.day)),
  };
}

const withoutStamps = (s: Awaited<ReturnType<typeof snapshot>>) => ({ ...s, requests: s.requests.map((row) => ({ ...row, updatedAt: null })) });

describeEachDatabase("OTP rollups", (database) => {
  let written: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    await database.reset();
    const { db } = database;
    for (const step of STEPS) {
      const row = ledgerRow(step);
      const request = { ...row, id: undefined, state: undefined, completedAt: undefined, result: undefined };
      if (step.limited) {
        await recordLimited(db, request, {
          limit: "mobile-15m",
          result: { status: "limited", limit: "mobile-15m", max: 3, retryAt: "", clientRefId: request.clientRefId },
        });
        continue;
      }
      await recordPending(db, request);
      if (step.complete) await completeRequests(db, [{ clientRefId: request.clientRefId, completion: step.complete, completedAt: new Date() }]);
    }
    written = await snapshot(db);
  });

  it("counts each completed or refused request under its agent and under everyone, on its India day; pending ones not yet", async () => {
    const everyone = written.requests.filter((r) => r.agent === "" && r.span === "day").map((r) => [r.day, r.state, r.requests]);
    expect(everyone).toEqual([
      ["2026-11-25", "rejected", 1],
      ["2026-11-25", "sent", 2],
      ["2026-11-26", "failed", 1],
      ["2026-11-26", "limited", 1],
      ["2026-11-26", "rejected", 1],
      ["2026-11-26", "unknown", 1],
    ]);
    expect(written.requests.filter((r) => r.agent === "ravi" && r.span === "day").reduce((n, r) => n + r.requests, 0)).toBe(3);
  });

  it("counts each of them in its India month too, once", () => {
    const months = written.requests.filter((r) => r.agent === "" && r.span === "month").map((r) => [r.day, r.state, r.requests, r.amount]);
    const days = written.requests.filter((r) => r.agent === "" && r.span === "day");
    const byState = (state: string) => {
      const rows = days.filter((r) => r.state === state);
      return [rows.reduce((n, r) => n + r.requests, 0), rows.reduce((n, r) => n + r.amount, 0)];
    };
    expect(months).toEqual(["failed", "limited", "rejected", "sent", "unknown"].map((state) => ["2026-11-01", state, ...byState(state)]));
    const latencies = (span: string) => written.latencies.filter((r) => r.agent === "" && r.span === span).reduce((n, r) => n + r.requests, 0);
    expect(latencies("month")).toBe(latencies("day"));
  });

  it("buckets latencies as the TypeScript rule does, and lists refusals by status and message", () => {
    const buckets = written.latencies.filter((r) => r.agent === "" && r.span === "day").map((r) => r.bucket);
    expect(buckets.sort((a, b) => a - b)).toEqual([0, 33, 120, 480, 2_950, 15_000].map(bucketOf).sort((a, b) => a - b));
    expect(written.rejections.filter((r) => r.agent === "" && r.span === "day").map((r) => [r.ekoStatus, r.message, r.requests])).toEqual([
      [463, "Recipient not found", 1],
      [null, "(no message)", 1],
    ]);
  });

  it("flags a customer on the day (and in the month) a request made it 3+ in 15 minutes: for everyone, and for an agent counting only theirs", () => {
    expect(written.flagged.map((f) => [f.agent, f.span, f.day, f.customerMobileLast4, f.requests])).toEqual([
      ["", "day", "2026-11-25", "3210", 3],
      ["", "day", "2026-11-26", "3210", 4],
      ["", "month", "2026-11-01", "3210", 4],
      ["asha", "day", "2026-11-26", "3210", 3],
      ["asha", "month", "2026-11-01", "3210", 3],
    ]);
  });

  it("agrees with a rebuild from the ledger, row for row", async () => {
    await rebuildOtpRollups(database.db);
    expect(withoutStamps(await snapshot(database.db))).toEqual(withoutStamps(written));
  });
});
