import { asc } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { decodeCursor, type ReviewCursor, type UrlFilters } from "./review-filters";
import { iterateRequests, listRequests, type ReviewQuery } from "./review-repository";
import { insertRows, instants, MOBILES, reviewQuery, STALE_BEFORE, testVault } from "./testing/ledger-rows";

describeEachDatabase("review repository", (database) => {
  /** Every id, newest first with ties by id, as the review must order them. */
  const expectedOrder = async () => {
    const rows = await database.db.select({ id: otpRequests.id, at: otpRequests.createdAt }).from(otpRequests).orderBy(asc(otpRequests.id));
    return rows.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).map((r) => r.id);
  };

  describe("ordering and paging", () => {
    beforeEach(() => database.reset());

    it("lists newest first", async () => {
      await insertRows(
        database.db,
        ["2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z", "2026-11-23T09:00:00Z", "2026-11-24T11:00:00Z"].map((at) => ({ at })),
      );
      const page = await listRequests(database.db, reviewQuery(), { limit: 10 });
      expect(page.rows.map((r) => r.createdAt)).toEqual([
        "2026-11-24T12:00:00.000Z",
        "2026-11-24T11:00:00.000Z",
        "2026-11-24T10:00:00.000Z",
        "2026-11-23T09:00:00.000Z",
      ]);
      expect(page.nextCursor).toBeNull();
    });

    it("pages 25 rows by keyset, 10 at a time, each once and in order, ties on created_at broken by id", async () => {
      // Three rows per instant, inserted out of time order, so page boundaries fall inside a tie.
      const times = instants("2026-11-24T08:00:00Z", 25, 60_000, 3);
      await insertRows(
        database.db,
        [...times.slice(12), ...times.slice(0, 12)].map((at) => ({ at })),
      );
      const seen: number[] = [];
      const sizes: number[] = [];
      let cursor: ReviewCursor | undefined;
      for (let guard = 0; guard < 10; guard += 1) {
        const page = await listRequests(database.db, reviewQuery(), { cursor, limit: 10 });
        seen.push(...page.rows.map((r) => r.id));
        sizes.push(page.rows.length);
        if (!page.nextCursor) break;
        cursor = decodeCursor(page.nextCursor);
      }
      expect(sizes).toEqual([10, 10, 5]);
      expect(seen).toEqual(await expectedOrder());
      expect(new Set(seen).size).toBe(25);
    });

    it("iterateRequests with batchSize 7 yields each of 20 rows once, in order", async () => {
      await insertRows(
        database.db,
        instants("2026-11-24T08:00:00Z", 20, 1_000, 2)
          .reverse()
          .map((at) => ({ at })),
      );
      const batches: number[][] = [];
      for await (const batch of iterateRequests(database.db, reviewQuery(), 7)) batches.push(batch.map((r) => r.id));
      expect(batches.map((b) => b.length)).toEqual([7, 7, 6]);
      expect(batches.flat()).toEqual(await expectedOrder());
    });

    it("iterateRequests yields nothing when no row matches", async () => {
      const batches: unknown[] = [];
      for await (const batch of iterateRequests(database.db, reviewQuery(), 7)) batches.push(batch);
      expect(batches).toEqual([]);
    });
  });

  describe("filters", () => {
    // Amounts are unique, so they name the rows. Newest first: 25000, 2500, 500, 100, 200.
    beforeAll(async () => {
      await database.reset();
      await insertRows(database.db, [
        { at: "2026-11-23T18:29:59.999Z", amount: 100, agent: "asha", mobile: MOBILES.x, state: "sent" }, // 23 Nov 23:59:59.999 IST
        { at: "2026-11-23T19:00:00.000Z", amount: 500, agent: "ravi", mobile: MOBILES.y, state: "rejected" }, // 24 Nov 00:30 IST
        { at: "2026-11-24T18:29:59.999Z", amount: 2500, agent: "asha", mobile: MOBILES.y, state: "failed" }, // 24 Nov 23:59:59.999 IST
        { at: "2026-11-24T18:30:00.000Z", amount: 25000, agent: "ravi", mobile: MOBILES.x, state: "sent" }, // 25 Nov 00:00 IST
        { at: "2026-11-22T10:00:00.000Z", amount: 200, agent: "asha", mobile: MOBILES.z, state: "unknown" },
      ]);
    });

    const amounts = async (query: ReviewQuery) => (await listRequests(database.db, query, { limit: 50 })).rows.map((r) => r.amount);

    it.each<[string, UrlFilters, number[]]>([
      ["nothing", {}, [25000, 2500, 500, 100, 200]],
      ["outcome sent", { outcome: "sent" }, [25000, 100]],
      ["outcome rejected", { outcome: "rejected" }, [500]],
      ["outcome unknown", { outcome: "unknown" }, [200]],
      ["agent ravi", { agent: "ravi" }, [25000, 500]],
      ["from 24 Nov IST", { from: "2026-11-24" }, [25000, 2500, 500]],
      ["to 23 Nov IST", { to: "2026-11-23" }, [100, 200]],
      ["on 24 Nov IST", { from: "2026-11-24", to: "2026-11-24" }, [2500, 500]],
      ["min 500", { min: 500 }, [25000, 2500, 500]],
      ["max 500", { max: 500 }, [500, 100, 200]],
      ["200 to 2500", { min: 200, max: 2500 }, [2500, 500, 200]],
      ["agent asha, failed", { agent: "asha", outcome: "failed" }, [2500]],
    ])("narrows by %s", async (_label, filters, expected) => {
      expect(await amounts(reviewQuery(filters))).toEqual(expected);
    });

    it("narrows by the customer's mobile hash, alone and with other filters", async () => {
      expect(await amounts(reviewQuery({}, { mobileHash: testVault.hash(MOBILES.y) }))).toEqual([2500, 500]);
      expect(await amounts(reviewQuery({ agent: "ravi" }, { mobileHash: testVault.hash(MOBILES.x) }))).toEqual([25000]);
      expect(await amounts(reviewQuery({}, { mobileHash: testVault.hash("9999999999") }))).toEqual([]);
    });

    it("never exposes the full mobile, its hash or its ciphertext", async () => {
      const page = await listRequests(database.db, reviewQuery(), { limit: 2 });
      expect(page.nextCursor).not.toBeNull();
      const json = JSON.stringify(page);
      expect(JSON.stringify(page.rows)).not.toMatch(/\d{10}/);
      for (const mobile of Object.values(MOBILES)) {
        expect(json).not.toContain(mobile);
        expect(json).not.toContain(testVault.hash(mobile));
      }
      expect(json).not.toContain("v1:");
      expect(page.rows.map((r) => r.customerMobileMasked)).toEqual(["••••••3210", "••••••6789"]);
    });
  });

  describe("stale pending rows", () => {
    beforeAll(async () => {
      await database.reset();
      await insertRows(database.db, [
        { at: new Date(STALE_BEFORE.getTime() - 1), amount: 301, state: "pending" },
        { at: STALE_BEFORE, amount: 302, state: "pending" },
        { at: "2026-11-20T10:00:00Z", amount: 303, state: "unknown" },
      ]);
    });

    it("read as unknown once older than staleBefore, while a fresh one reads pending", async () => {
      const page = await listRequests(database.db, reviewQuery(), { limit: 10 });
      expect(page.rows.map((r) => [r.amount, r.state])).toEqual([
        [302, "pending"],
        [301, "unknown"],
        [303, "unknown"],
      ]);
    });

    it("are found by outcome unknown, not by pending", async () => {
      const by = async (outcome: UrlFilters["outcome"]) =>
        (await listRequests(database.db, reviewQuery({ outcome }), { limit: 10 })).rows.map((r) => r.amount);
      expect(await by("unknown")).toEqual([301, 303]);
      expect(await by("pending")).toEqual([302]);
    });
  });
});
