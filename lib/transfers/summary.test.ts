import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { LEDGER_SUMMARY_DAYS } from "@/lib/otp-requests/review-filters";
import { settleTransferRefunded } from "@/lib/refunds/repository";
import { summarizeTransfersFromLedger } from "./ledger-summary";
import { recordCheck } from "./repository";
import type { TransferFilters } from "./review-filters";
import { summarizeTransfers } from "./summary";
import { writeTransfer, type TransferSpec } from "./testing/transfer-rows";

// Across India-time midnight (18:30 UTC) and over four days, three agents, every kind of outcome.
const AT = [
  "2026-11-24T04:05:00Z",
  "2026-11-25T03:59:59Z",
  "2026-11-25T18:29:59.999Z",
  "2026-11-25T18:30:00Z",
  "2026-11-26T09:15:00Z",
  "2026-11-27T23:00:00Z",
];
const STATES = ["success", "failed", "unknown", "on-hold", "refund-pending", "pending", "refused", "awaited"] as const;
const HISTORY: TransferSpec[] = Array.from({ length: 40 }, (_, i) => ({
  at: new Date(Date.parse(AT[i % AT.length]!) + i * 1_000),
  agent: ["asha", "ravi", "meena"][i % 3],
  amount: 100 + i * 25,
  state: STATES[i % STATES.length],
  feePaise: STATES[i % STATES.length] === "success" || i % 4 === 0 ? 400 + i : null,
}));

// Around the ends of months in India time, so ranges read month rows and the days around them.
const MONTH_EDGES: TransferSpec[] = [
  { at: "2026-10-31T18:29:59Z", agent: "asha", amount: 410, state: "success", feePaise: 410 },
  { at: "2026-10-31T18:30:00Z", agent: "ravi", amount: 420, state: "failed" },
  { at: "2026-11-30T18:30:00Z", agent: "asha", amount: 430, state: "success", feePaise: 430 },
  { at: "2026-12-03T06:00:00Z", agent: "meena", amount: 440, state: "unknown" },
];

const FILTERS: TransferFilters[] = [
  {},
  { agent: "ravi" },
  { state: "success" },
  { state: "pending" },
  { state: "unknown" },
  { from: "2026-11-26", to: "2026-11-26" },
  { from: "2026-11-25", to: "2026-11-26" },
  { from: "2026-11-25", to: "2026-11-28" },
  { from: "2026-11-26" },
  { to: "2026-11-25", agent: "asha", state: "success" },
  { agent: "nobody" },
  { from: "2026-11-01", to: "2026-11-30" },
  { from: "2026-10-15", to: "2026-12-10" },
  { from: "2026-11-01", to: "2026-12-01", agent: "asha" },
  { from: "2026-10-31", state: "success" },
  { to: "2026-11-30" },
  { from: "2026-11-02", to: "2026-12-01" },
];

describeEachDatabase("transfers summary", (database) => {
  beforeAll(async () => {
    await database.reset();
    const { db } = database;
    for (const spec of MONTH_EDGES) await writeTransfer(db, spec);
    for (const [i, spec] of HISTORY.entries()) {
      const row = await writeTransfer(db, spec);
      // Inquiries settle some of the open ones later, and refunds some of those in refund pending.
      if (row.state === "unknown" && i % 2 === 0) await recordCheck(db, row.clientRefId, "unknown", { state: "success", feePaise: 450 });
      if (row.state === "on-hold") await recordCheck(db, row.clientRefId, "on-hold", { state: "failed" });
      if (row.state === "refund-pending" && i % 3 === 0) await settleTransferRefunded(db, row.id, new Date());
    }
  });

  it("from the rollups, equals the summary counted from the ledger, for every filter the rollups answer", async () => {
    for (const filters of FILTERS) {
      const expected = { ...(await summarizeTransfersFromLedger(database.db, filters)), source: { kind: "rollups" } };
      expect({ filters, summary: await summarizeTransfers(database.db, filters) }).toEqual({ filters, summary: expected });
    }
  });

  it("counts what a supervisor reads: transfers, successes, rupees moved, Eko's fees, bars per month, day or hour", async () => {
    const all = await summarizeTransfers(database.db, {});
    const success = (await summarizeTransfersFromLedger(database.db, { state: "success" })).count;
    expect(all).toMatchObject({ count: 44, success, unit: "month", source: { kind: "rollups" } });
    expect(success).toBeGreaterThan(5);
    expect(all.chart.map((b) => [b.at.slice(0, 7), b.success + b.noMoney + b.open])).toEqual([
      ["2026-10", 1],
      ["2026-11", 41],
      ["2026-12", 2],
    ]);
    const week = await summarizeTransfers(database.db, { from: "2026-11-22", to: "2026-11-28" });
    expect(week.unit).toBe("day");
    expect(week.chart.map((b) => b.at.slice(0, 10))).toEqual(["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-28"]);
    const day = await summarizeTransfers(database.db, { from: "2026-11-26", to: "2026-11-26" });
    expect(day.unit).toBe("hour");
    expect(day.chart.map((b) => b.at)).toEqual(["2026-11-26T00:00:00+05:30", "2026-11-26T14:00:00+05:30"]);
    expect(day.chart.reduce((n, b) => n + b.success + b.noMoney + b.open, 0)).toBe(day.count);
  });

  it("reads an amount range from the ledger over at most the newest LEDGER_SUMMARY_DAYS days of the range, and says so", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const all = await summarizeTransfers(database.db, { min: 1 }, now);
    expect(all).toMatchObject({ count: 40, source: { kind: "ledger", to: "2026-11-28", bounded: true } });
    const from = all.source.kind === "ledger" ? all.source.from! : "";
    expect((Date.parse("2026-11-28") - Date.parse(from)) / 86_400_000 + 1).toBe(LEDGER_SUMMARY_DAYS);

    const ranged = { min: 300, max: 700, from: "2026-11-25", to: "2026-11-26" };
    const inside = await summarizeTransfers(database.db, ranged, now);
    expect(inside).toEqual({
      ...(await summarizeTransfersFromLedger(database.db, ranged)),
      source: { kind: "ledger", from: "2026-11-25", to: "2026-11-26", bounded: false },
    });
    expect(inside.count).toBeGreaterThan(0);

    const later = await summarizeTransfers(database.db, { min: 1, from: "2026-10-01", to: "2026-12-31" }, now);
    expect(later).toMatchObject({ count: 0, source: { kind: "ledger", from: "2026-12-25", to: "2026-12-31", bounded: true } });
  });
});
