import { describe, expect, it } from "vitest";
import { splitByMonths } from "./rollup-spans";

describe("a day range split into whole months and the days around them", () => {
  it("reads the whole ledger from month rows alone", () => {
    expect(splitByMonths({})).toEqual({ months: { start: undefined, end: undefined }, days: [] });
  });

  it("keeps a range inside one month on day rows", () => {
    expect(splitByMonths({ from: "2026-11-03", to: "2026-11-29" })).toEqual({ months: null, days: [{ start: "2026-11-03", end: "2026-11-30" }] });
  });

  it("takes a month whole when the range covers it from its first day to its last", () => {
    expect(splitByMonths({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ months: { start: "2026-11-01", end: "2026-12-01" }, days: [] });
  });

  it("splits a range across a year's end into its edges and the whole months between", () => {
    expect(splitByMonths({ from: "2026-11-20", to: "2027-02-10" })).toEqual({
      months: { start: "2026-12-01", end: "2027-02-01" },
      days: [
        { start: "2026-11-20", end: "2026-12-01" },
        { start: "2027-02-01", end: "2027-02-11" },
      ],
    });
  });

  it("counts every month from a first day onwards when the range has no end, and up to a day when it has no start", () => {
    expect(splitByMonths({ from: "2026-10-15" })).toEqual({
      months: { start: "2026-11-01", end: undefined },
      days: [{ start: "2026-10-15", end: "2026-11-01" }],
    });
    expect(splitByMonths({ to: "2026-12-04" })).toEqual({
      months: { start: undefined, end: "2026-12-01" },
      days: [{ start: "2026-12-01", end: "2026-12-05" }],
    });
  });

  it("gives two neighbouring part-months to day rows", () => {
    expect(splitByMonths({ from: "2026-11-15", to: "2026-12-14" })).toEqual({ months: null, days: [{ start: "2026-11-15", end: "2026-12-15" }] });
  });
});
