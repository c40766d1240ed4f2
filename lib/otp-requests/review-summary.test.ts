import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { rebuildOtpRollups } from "./rollups";
import { LEDGER_SUMMARY_DAYS } from "./review-filters";
import { summarizeRequests, summaryVersion } from "./review-summary";
import { insertRows, MOBILES, reviewQuery, STALE_BEFORE, testVault, type RowSpec } from "./testing/ledger-rows";

const T = new Date("2026-11-25T10:00:00.000Z").getTime();
const at = (minutes: number, ms = 0) => new Date(T + minutes * 60_000 + ms);
const NOT_FOUND = { ekoStatus: 463, ekoMessage: "Recipient not found" };

// Latencies 100, 200, 300, 400, 500, 600, 1000 (the pending row has none): exactly, p50 = the 4th of 7 = 400 and p95
// sits at 0.95 × 6 = 5.7, so 600 + 0.7 × (1000 − 600) = 880. The rollups' histogram gives them within 3%.
const near = (exact: number) => expect.toSatisfy((value: number) => Math.abs(value - exact) <= exact * 0.03);
const ROWS: RowSpec[] = [
  // Customer x: three requests inside 15 minutes.
  { at: at(0), mobile: MOBILES.x, state: "sent", latencyMs: 100 },
  { at: at(5), mobile: MOBILES.x, state: "sent", latencyMs: 300 },
  { at: at(14, 59_999), mobile: MOBILES.x, state: "rejected", latencyMs: 400, ...NOT_FOUND },
  // Customer y: three requests spread over an hour.
  { at: at(0), mobile: MOBILES.y, agent: "ravi", state: "rejected", latencyMs: 1000, ...NOT_FOUND },
  { at: at(30), mobile: MOBILES.y, agent: "ravi", state: "rejected", latencyMs: 600, ekoStatus: 17, ekoMessage: "Invalid amount" },
  { at: at(60), mobile: MOBILES.y, agent: "ravi", state: "sent", latencyMs: 200 },
  // Customer z: a rejection without a message, and a pending row long stale.
  { at: at(20), mobile: MOBILES.z, agent: "ravi", state: "rejected", latencyMs: 500 },
  { at: at(25), mobile: MOBILES.z, agent: "ravi", state: "pending" },
];

describeEachDatabase("review summary", (database) => {
  beforeAll(async () => {
    await database.reset();
    // Inserted as they stand, so the rollups are built the way an upgrade builds them: from the ledger.
    await insertRows(database.db, ROWS);
    await rebuildOtpRollups(database.db);
  });

  it("counts requests and sent ones, and gives p50/p95 latency", async () => {
    const summary = await summarizeRequests(database.db, reviewQuery());
    expect(summary).toMatchObject({ count: 8, sent: 3, p50LatencyMs: near(400), p95LatencyMs: near(880), source: { kind: "rollups" } });
  });

  it("ranks rejections by message with their counts", async () => {
    const { topRejections } = await summarizeRequests(database.db, reviewQuery());
    expect(topRejections[0]).toEqual({ message: "Recipient not found", status: 463, count: 2 });
    expect(topRejections.slice(1)).toHaveLength(2);
    expect(topRejections.slice(1)).toEqual(
      expect.arrayContaining([
        { message: "Invalid amount", status: 17, count: 1 },
        { message: "(no message)", status: null, count: 1 },
      ]),
    );
  });

  it("flags a customer with 3 requests inside 15 minutes, not one with 3 over an hour", async () => {
    const { flaggedCustomers } = await summarizeRequests(database.db, reviewQuery());
    expect(flaggedCustomers).toEqual([{ customerMobileMasked: "••••••3210", requests: 3, lastAt: "2026-11-25T10:14:59.999Z" }]);
  });

  it("applies the filters to every figure", async () => {
    const asha = await summarizeRequests(database.db, reviewQuery({ agent: "asha" }));
    expect(asha).toMatchObject({
      count: 3,
      sent: 2,
      p50LatencyMs: near(300),
      topRejections: [{ message: "Recipient not found", status: 463, count: 1 }],
    });
    expect(asha.flaggedCustomers).toHaveLength(1);

    const ravi = await summarizeRequests(database.db, reviewQuery({ agent: "ravi" }));
    expect(ravi).toMatchObject({ count: 5, sent: 1, flaggedCustomers: [] });

    // A burst of requests is flagged whatever their outcomes: customer x stays flagged among the sent ones.
    const sent = await summarizeRequests(database.db, reviewQuery({ outcome: "sent" }));
    expect(sent).toMatchObject({ count: 3, sent: 3, p50LatencyMs: near(200), topRejections: [] });
    expect(sent.flaggedCustomers).toHaveLength(1);
  });

  it("reads the stale pending row as unknown", async () => {
    const unknown = await summarizeRequests(database.db, reviewQuery({ outcome: "unknown" }));
    expect(unknown).toMatchObject({ count: 1, sent: 0, p50LatencyMs: null, p95LatencyMs: null });
    expect((await summarizeRequests(database.db, reviewQuery({ outcome: "pending" }))).count).toBe(0);
  });

  it("summarises an empty selection as zeros and nulls", async () => {
    const none = await summarizeRequests(database.db, reviewQuery({ agent: "nobody" }));
    expect(none).toEqual({
      count: 0,
      sent: 0,
      p50LatencyMs: null,
      p95LatencyMs: null,
      topRejections: [],
      flaggedCustomers: [],
      source: { kind: "rollups" },
      version: expect.any(String),
    });
  });

  it("never exposes a full mobile", async () => {
    const json = JSON.stringify(await summarizeRequests(database.db, reviewQuery()));
    expect(json).not.toMatch(/\d{10}/);
    for (const mobile of Object.values(MOBILES)) expect(json).not.toContain(mobile);
  });

  it("reads an exact mobile from the ledger: exact figures, and says so", async () => {
    const x = await summarizeRequests(database.db, reviewQuery({}, { mobileHash: testVault.hash(MOBILES.x) }));
    expect(x).toMatchObject({ count: 3, sent: 2, p50LatencyMs: 300, source: { kind: "ledger", from: null, to: null, bounded: false } });
  });

  it("reads an amount range from the ledger over at most the newest LEDGER_SUMMARY_DAYS days of the range", async () => {
    const all = await summarizeRequests(database.db, reviewQuery({ min: 1 }), new Date("2026-11-26T12:00:00Z"));
    expect(all).toMatchObject({ count: 8, source: { kind: "ledger", to: "2026-11-26", bounded: true } });
    const days = (Date.parse("2026-11-26") - Date.parse(all.source.kind === "ledger" ? all.source.from! : "")) / 86_400_000 + 1;
    expect(days).toBe(LEDGER_SUMMARY_DAYS);
    const later = await summarizeRequests(database.db, reviewQuery({ min: 1, from: "2026-11-01", to: "2026-12-31" }));
    expect(later).toMatchObject({ count: 0, source: { kind: "ledger", from: "2026-12-25", to: "2026-12-31", bounded: true } });
    const inside = await summarizeRequests(database.db, reviewQuery({ min: 1, from: "2026-11-25", to: "2026-11-25" }));
    expect(inside).toMatchObject({ count: 8, source: { kind: "ledger", from: "2026-11-25", to: "2026-11-25", bounded: false } });
  });

  // Last: it adds a row.
  it("keeps its version while nothing changes, and moves it with a completion, a new row or a row going stale", async () => {
    const { db } = database;
    const first = await summaryVersion(db, STALE_BEFORE);
    expect(await summaryVersion(db, STALE_BEFORE)).toBe(first);
    await insertRows(db, [{ at: "2026-11-26T11:59:50.000Z", state: "pending", mobile: MOBILES.z }]);
    const withPending = await summaryVersion(db, STALE_BEFORE);
    expect(withPending).not.toBe(first);
    expect(await summaryVersion(db, new Date("2026-11-26T12:00:00.000Z"))).not.toBe(withPending);
  });
});
