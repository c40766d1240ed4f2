import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/open";
import { transferRollups, transfers } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { settleTransferRefunded } from "@/lib/refunds/repository";
import { recordCheck } from "./repository";
import { rebuildTransferRollups } from "./rollups";
import { writeTransfer } from "./testing/transfer-rows";

// 18:29:59 UTC is 23:59:59 in India on the 25th, in the hour that started at 17:30 UTC (23:00 IST).
const LATE = "2026-11-25T18:29:59.999Z";
const HOUR_23 = "2026-11-25T17:30:00.000Z";
const HOUR_00 = "2026-11-25T18:30:00.000Z";
const NOVEMBER = "2026-10-31T18:30:00.000Z";

/** The hour rollups as [agent, hour, state, transfers, amount, fee], rows the writes brought back to nothing left out. */
async function rollups(db: Db, span: "hour" | "month" = "hour") {
  const rows = await db
    .select()
    .from(transferRollups)
    .where(eq(transferRollups.span, span))
    .orderBy(asc(transferRollups.agent), asc(transferRollups.hour), asc(transferRollups.state));
  return rows.filter((r) => r.transfers !== 0).map((r) => [r.agent, r.hour.toISOString(), r.state, r.transfers, r.amount, r.feePaise]);
}

describeEachDatabase("transfer rollups", (database) => {
  it("count a transfer from its creation, in its India hour, under its agent and everyone", async () => {
    await database.reset();
    await writeTransfer(database.db, { at: LATE, amount: 700 });
    await writeTransfer(database.db, { at: HOUR_00, agent: "ravi", amount: 300 });
    expect(await rollups(database.db)).toEqual([
      ["", HOUR_23, "pending", 1, 700, 0],
      ["", HOUR_00, "pending", 1, 300, 0],
      ["asha", HOUR_23, "pending", 1, 700, 0],
      ["ravi", HOUR_00, "pending", 1, 300, 0],
    ]);
    // 00:00 IST on the 26th is still November in India: both in the month that began at 00:00 IST on 1 November.
    expect(await rollups(database.db, "month")).toEqual([
      ["", NOVEMBER, "pending", 2, 1000, 0],
      ["asha", NOVEMBER, "pending", 1, 700, 0],
      ["ravi", NOVEMBER, "pending", 1, 300, 0],
    ]);
  });

  it("move a transfer between states as Initiate's answer, inquiries and a refund settle it, in the hour it was made", async () => {
    await database.reset();
    const { db } = database;
    const unknown = await writeTransfer(db, { at: LATE, amount: 700, state: "unknown" });
    expect(await rollups(db)).toEqual([
      ["", HOUR_23, "unknown", 1, 700, 0],
      ["asha", HOUR_23, "unknown", 1, 700, 0],
    ]);
    // An inquiry finds it in refund pending with Eko's fee, hours later: it stays in its hour.
    await recordCheck(db, unknown.clientRefId, "unknown", { state: "refund-pending", feePaise: 400, lastCheckAt: new Date(HOUR_00) });
    expect(await rollups(db)).toEqual([
      ["", HOUR_23, "refund-pending", 1, 700, 400],
      ["asha", HOUR_23, "refund-pending", 1, 700, 400],
    ]);
    // A later answer with another fee and the same state moves the fee alone.
    await recordCheck(db, unknown.clientRefId, "refund-pending", { feePaise: 500 });
    expect(await rollups(db)).toEqual([
      ["", HOUR_23, "refund-pending", 1, 700, 500],
      ["asha", HOUR_23, "refund-pending", 1, 700, 500],
    ]);
    await settleTransferRefunded(db, unknown.id, new Date());
    expect(await rollups(db)).toEqual([
      ["", HOUR_23, "refunded", 1, 700, 500],
      ["asha", HOUR_23, "refunded", 1, 700, 500],
    ]);
    // A write that finds the row already changed changes nothing, in the ledger or the rollups.
    expect(await recordCheck(db, unknown.clientRefId, "refund-pending", { state: "success" })).toBeUndefined();
    const [row] = await db.select().from(transfers).where(eq(transfers.id, unknown.id));
    expect(row?.state).toBe("refunded");
    expect(await rollups(db)).toHaveLength(2);
  });

  it("leave the rollups alone when a write changes neither state, amount nor fee", async () => {
    await database.reset();
    const { db } = database;
    const open = await writeTransfer(db, { at: LATE, state: "awaited", feePaise: 400 });
    const before = await db.select().from(transferRollups);
    await recordCheck(db, open.clientRefId, "awaited", { checks: 1, lastCheckAt: new Date() });
    expect(await db.select().from(transferRollups)).toEqual(before);
  });

  it("count each change once when two checks race for the same transfer", async () => {
    await database.reset();
    const { db } = database;
    const open = await writeTransfer(db, { at: LATE, state: "unknown" });
    const [a, b] = await Promise.all([
      recordCheck(db, open.clientRefId, "unknown", { state: "success", feePaise: 400 }),
      recordCheck(db, open.clientRefId, "unknown", { state: "failed" }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const kept = await rollups(db);
    expect(kept.filter((r) => r[0] === "").map((r) => r[3])).toEqual([1]);
    await rebuildTransferRollups(db);
    expect(await rollups(db)).toEqual(kept);
  });

  it("rebuilt from the ledger equal the ones the writes kept, after a mixed history", async () => {
    await database.reset();
    const { db } = database;
    const hours = ["2026-11-25T03:10:00Z", "2026-11-25T03:40:00Z", LATE, HOUR_00, "2026-11-27T09:00:00Z"];
    const states = ["success", "failed", "unknown", "on-hold", "refund-pending", "pending", "refused"] as const;
    for (let i = 0; i < 21; i++) {
      const row = await writeTransfer(db, {
        at: hours[i % hours.length]!,
        agent: ["asha", "ravi", "meena"][i % 3],
        amount: 100 + i * 37,
        state: states[i % states.length],
        feePaise: i % 2 === 0 ? 400 + i : null,
      });
      if (row.state === "unknown" && i % 2 === 0) await recordCheck(db, row.clientRefId, "unknown", { state: "success", feePaise: 450 });
      if (row.state === "refund-pending") await settleTransferRefunded(db, row.id, new Date());
    }
    const kept = await rollups(db);
    const keptMonths = await rollups(db, "month");
    expect(kept.filter((r) => r[0] === "").reduce((sum, r) => sum + Number(r[3]), 0)).toBe(21);
    expect(keptMonths.filter((r) => r[0] === "").reduce((sum, r) => sum + Number(r[3]), 0)).toBe(21);
    expect(await rebuildTransferRollups(db)).toBe(kept.length + keptMonths.length);
    expect(await rollups(db)).toEqual(kept);
    expect(await rollups(db, "month")).toEqual(keptMonths);
  });
});
