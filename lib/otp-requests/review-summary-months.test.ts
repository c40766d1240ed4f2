import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { UrlFilters } from "./review-filters";
import { summarizeLedger } from "./review-ledger-summary";
import { summarizeRequests } from "./review-summary";
import { rebuildOtpRollups } from "./rollups";
import { insertRows, MOBILES, reviewQuery, type RowSpec } from "./testing/ledger-rows";

// India's months end at 18:30 UTC: these rows sit on both sides of 1 November and 1 December (IST), and customer y's
// three requests in 15 minutes straddle the second.
const EDGES = ["2026-10-31T18:29:59.999Z", "2026-10-31T18:30:00Z", "2026-11-14T09:00:00Z", "2026-11-30T18:25:00Z", "2026-11-30T18:31:00Z"];
const STATES = ["sent", "rejected", "sent", "failed", "unknown", "sent"] as const;
// One latency for all: percentiles of a few rows interpolate differently from a histogram's, and that is tested elsewhere.
const LATENCY_MS = 450;
const ROWS: RowSpec[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    at: new Date(Date.parse(EDGES[i % EDGES.length]!) + i * 1_000),
    agent: ["asha", "ravi", "meena"][i % 3],
    mobile: [MOBILES.x, MOBILES.z][i % 2],
    amount: 100 + i * 10,
    state: STATES[i % STATES.length],
    latencyMs: LATENCY_MS,
    ...(STATES[i % STATES.length] === "rejected"
      ? { ekoStatus: i % 4 === 1 ? 463 : 17, ekoMessage: i % 4 === 1 ? "Recipient not found" : "Invalid amount" }
      : {}),
  })),
  { at: "2026-11-30T18:21:00Z", mobile: MOBILES.y, agent: "ravi", latencyMs: LATENCY_MS },
  { at: "2026-11-30T18:29:00Z", mobile: MOBILES.y, agent: "ravi", latencyMs: LATENCY_MS },
  {
    at: "2026-11-30T18:33:00Z",
    mobile: MOBILES.y,
    agent: "ravi",
    latencyMs: LATENCY_MS,
    state: "rejected",
    ekoStatus: 17,
    ekoMessage: "Invalid amount",
  },
];

const RANGES: UrlFilters[] = [
  {},
  { from: "2026-11-01", to: "2026-11-30" },
  { from: "2026-10-20", to: "2026-12-05" },
  { from: "2026-11-01" },
  { to: "2026-11-30" },
  { from: "2026-10-31", to: "2026-12-01", agent: "ravi" },
  { from: "2026-11-01", outcome: "rejected" },
  { from: "2026-12-01", to: "2026-12-01" },
];

// Within one histogram bucket (5%).
const near = (exact: number | null) =>
  exact === null ? null : expect.toSatisfy((value: number | null) => value !== null && Math.abs(value - exact) <= exact * 0.05);

describeEachDatabase("review summary over whole months and the days around them", (database) => {
  beforeAll(async () => {
    await database.reset();
    await insertRows(database.db, ROWS);
    await rebuildOtpRollups(database.db);
  });

  it("counts every range as the ledger does: month rows for whole months, day rows for the rest, nothing twice", async () => {
    for (const filters of RANGES) {
      const ledger = await summarizeLedger(database.db, reviewQuery(filters));
      const { flaggedCustomers, ...rollups } = await summarizeRequests(database.db, reviewQuery(filters));
      expect({ filters, rollups }).toEqual({
        filters,
        rollups: {
          ...ledger,
          flaggedCustomers: undefined,
          p50LatencyMs: near(ledger.p50LatencyMs),
          p95LatencyMs: near(ledger.p95LatencyMs),
          version: rollups.version,
          source: { kind: "rollups" },
        },
      });
      // Every customer the ledger flags, at least as often: a window reaching back over the range's start also counts
      // the requests just before it, which the ledger's reading of the range alone does not see.
      for (const flagged of ledger.flaggedCustomers) {
        const kept = flaggedCustomers.find((f) => f.customerMobileMasked === flagged.customerMobileMasked);
        expect({ filters, requests: kept?.requests }).toEqual({ filters, requests: expect.toSatisfy((n: number) => n >= flagged.requests) });
      }
    }
  });

  it("flags the customer whose three requests crossed India's midnight into December, in December", async () => {
    const december = await summarizeRequests(database.db, reviewQuery({ from: "2026-12-01" }));
    expect(december.flaggedCustomers).toEqual(expect.arrayContaining([expect.objectContaining({ customerMobileMasked: "••••••6789", requests: 3 })]));
    const november = await summarizeRequests(database.db, reviewQuery({ from: "2026-11-01", to: "2026-11-30" }));
    expect(november.flaggedCustomers.map((f) => f.customerMobileMasked)).not.toContain("••••••6789");
  });
});
