import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { otpRequestRollups, transferRollups } from "@/lib/db/schema";
import { rebuildOtpRollups } from "@/lib/otp-requests/rollups";
import { insertRows } from "@/lib/otp-requests/testing/ledger-rows";
import { writeTransfer } from "@/lib/transfers/testing/transfer-rows";
import { rebuildRollups, rebuildRollupsIfMissing } from "./rebuild-rollups";

describeEachDatabase("rollups at start-up", (database) => {
  it("builds them once from a ledger written before they existed, and leaves them alone after", async () => {
    await database.reset();
    await rebuildRollupsIfMissing(database.db);
    expect(await database.db.select().from(otpRequestRollups)).toEqual([]);

    await insertRows(database.db, [{ at: "2026-11-25T10:00:00Z" }, { at: "2026-11-25T11:00:00Z", state: "pending" }]);
    await rebuildRollupsIfMissing(database.db);
    const built = await database.db.select().from(otpRequestRollups);
    expect(built.map((r) => [r.agent, r.span, r.day, r.state, r.requests])).toEqual(
      expect.arrayContaining([
        ["", "day", "2026-11-25", "sent", 1],
        ["asha", "day", "2026-11-25", "sent", 1],
        ["", "month", "2026-11-01", "sent", 1],
      ]),
    );

    await insertRows(database.db, [{ at: "2026-11-25T12:00:00Z" }]);
    await rebuildRollupsIfMissing(database.db);
    expect(await database.db.select().from(otpRequestRollups)).toEqual(built);
  });

  it("builds the transfer rollups of transfers written before they existed, leaving the OTP ones as kept", async () => {
    await database.reset();
    const { db } = database;
    await writeTransfer(db, { at: "2026-11-25T10:10:00Z", state: "success", feePaise: 400 });
    await writeTransfer(db, { at: "2026-11-25T10:20:00Z", agent: "ravi", state: "failed" });
    await rebuildOtpRollups(db);
    const otp = await db.select().from(otpRequestRollups);
    // As an upgrade finds them (the OTP rollups' times of writing show they are left alone): transfers, OTP rollups, and no transfer rollups yet.
    await db.delete(transferRollups);
    await rebuildRollupsIfMissing(db);
    const built = await db.select().from(transferRollups);
    expect(built.map((r) => [r.agent, r.hour.toISOString(), r.state, r.transfers, r.amount, r.feePaise])).toEqual(
      expect.arrayContaining([
        ["", "2026-11-25T09:30:00.000Z", "success", 1, 500, 400],
        ["", "2026-11-25T09:30:00.000Z", "failed", 1, 500, 0],
        ["ravi", "2026-11-25T09:30:00.000Z", "failed", 1, 500, 0],
      ]),
    );
    expect(await db.select().from(otpRequestRollups)).toEqual(otp);

    // Kept by the write, not rebuilt: its new state in a new hour, under its agent and everyone, and in their month.
    await writeTransfer(db, { at: "2026-11-25T12:00:00Z" });
    await rebuildRollupsIfMissing(db);
    expect(await db.select().from(transferRollups)).toHaveLength(built.length + 4);
  });

  it("rebuilds every family on demand and says how many rows each has", async () => {
    await database.reset();
    await writeTransfer(database.db, { at: "2026-11-25T10:10:00Z", state: "success" });
    // One OTP request sent (its count and latency, under its agent and everyone, for its day and its month), one transfer.
    expect(await rebuildRollups(database.db)).toEqual({ otpRequests: 8, transfers: 4 });
  });
});
