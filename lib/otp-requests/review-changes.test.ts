import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { completeRequests } from "./ledger-repository";
import { listChanges } from "./review-repository";
import { insertRows, reviewQuery, STALE_BEFORE } from "./testing/ledger-rows";

// The last poll was at `after`; pending rows created before `staleAfter` were already `unknown` by then.
const after = new Date("2026-11-26T12:00:00.000Z");
const staleAfter = new Date(after.getTime() - 30_000);
const at = (offsetMs: number) => new Date(after.getTime() + offsetMs);

describeEachDatabase("the review's changes since a poll", (database) => {
  const idOf = async (amount: number) => (await database.db.select().from(otpRequests).where(eq(otpRequests.amount, amount)))[0]!;

  beforeEach(async () => {
    await database.reset();
    // Amounts name the rows.
    await insertRows(database.db, [
      { at: at(-3_600_000), amount: 101, state: "sent" }, // long done: not a change
      { at: at(-10_000), amount: 102, state: "pending" }, // completed after the poll, below
      { at: at(5_000), amount: 103, state: "rejected" }, // created after the poll
      { at: at(6_000), amount: 104, state: "sent", agent: "ravi" }, // created after, another agent
      { at: at(-20_000), amount: 105, state: "pending" }, // still pending, may have gone stale since
      { at: at(-60_000), amount: 106, state: "pending" }, // already stale at the last poll
    ]);
    const pending = await idOf(102);
    await completeRequests(database.db, [
      { clientRefId: pending.clientRefId, completion: { state: "sent", otpRefId: "otp-late", latencyMs: 900 }, completedAt: at(2_000) },
    ]);
  });

  const changes = (filters = {}, limit = 50) => listChanges(database.db, reviewQuery(filters), { after, staleAfter, limit });

  it("answers only rows created or completed after the poll, and pending rows that may have gone stale", async () => {
    const answer = await changes();
    expect(answer.rows.map((row) => [row.amount, row.state])).toEqual([
      [104, "sent"],
      [103, "rejected"],
      [102, "sent"],
      [105, "pending"],
    ]);
    expect(answer.removed).toEqual([]);
    expect(answer.truncated).toBe(false);
  });

  it("keeps to the filters, and names the rows that changed out of an outcome filter", async () => {
    expect((await changes({ agent: "ravi" })).rows.map((row) => row.amount)).toEqual([104]);
    const pendingOnly = await changes({ outcome: "pending" });
    expect(pendingOnly.rows.map((row) => row.amount)).toEqual([105]);
    expect(pendingOnly.removed).toContain((await idOf(102)).id);
    // The reviewed days bound the changes too: nothing of the 25th.
    expect((await changes({ from: "2026-11-25", to: "2026-11-25" })).rows).toEqual([]);
  });

  it("says when more changed than it may send", async () => {
    const answer = await changes({}, 2);
    expect(answer.rows.map((row) => row.amount)).toEqual([104, 103]);
    expect(answer.truncated).toBe(true);
  });

  it("reads a pending row as unknown once stale, as the table does", async () => {
    const answer = await listChanges(database.db, reviewQuery({}, { staleBefore: new Date(STALE_BEFORE.getTime() + 60_000) }), {
      after,
      staleAfter,
      limit: 50,
    });
    expect(answer.rows.find((row) => row.amount === 105)?.state).toBe("unknown");
  });
});
