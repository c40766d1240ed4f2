import { describe, expect, it } from "vitest";
import { ledgerTargets, parseLedgerOptions } from "./ledger-options";

describe("parseLedgerOptions", () => {
  it("defaults to a million rows over 40 days on both databases", () => {
    expect(parseLedgerOptions([], {})).toEqual({ rows: 1_000_000, days: 40, only: ["pglite", "postgres"], explain: false });
  });

  it("takes --rows over BENCH_ROWS, and BENCH_ROWS without it", () => {
    expect(parseLedgerOptions(["--rows", "10000000"], { BENCH_ROWS: "5000" }).rows).toBe(10_000_000);
    expect(parseLedgerOptions([], { BENCH_ROWS: "20000" }).rows).toBe(20_000);
    // The same density at any size: ten million rows are some thirteen months of a busy network.
    expect(parseLedgerOptions(["--rows", "10000000"], {}).days).toBe(400);
    expect(parseLedgerOptions(["--rows=10_000_000", "--days", "90", "--only", "postgres"], {})).toMatchObject({
      rows: 10_000_000,
      days: 90,
      only: ["postgres"],
    });
  });

  it("refuses what it cannot measure", () => {
    expect(() => parseLedgerOptions(["--rows", "12.5"], {})).toThrow(/whole number/);
    expect(() => parseLedgerOptions(["--rows", "10"], {})).toThrow(/at least 1000/);
    expect(() => parseLedgerOptions(["--only", "mysql"], {})).toThrow(/--only/);
    expect(() => parseLedgerOptions(["--row", "5"], {})).toThrow();
  });
});

describe("ledgerTargets", () => {
  it("holds PostgreSQL's summary to 50 ms up to a million rows and 100 ms beyond", () => {
    expect(ledgerTargets("postgres", 1_000_000).summaryMs).toBe(50);
    expect(ledgerTargets("postgres", 10_000_000)).toEqual({ firstPageMs: 20, summaryMs: 100, exportMb: 50 });
    expect(ledgerTargets("pglite", 1_000_000).summaryMs).toBe(100);
  });
});
