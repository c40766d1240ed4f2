import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { otpRequestRollups } from "@/lib/db/schema";
import { insertRows } from "@/lib/otp-requests/testing/ledger-rows";
import { rebuildRollupsIfMissing } from "./rebuild-rollups";

describeEachDatabase("rollups at start-up", (database) => {
  it("builds them once from a ledger written before they existed, and leaves them alone after", async () => {
    await database.reset();
    await rebuildRollupsIfMissing(database.db);
    expect(await database.db.select().from(otpRequestRollups)).toEqual([]);

    await insertRows(database.db, [{ at: "2026-11-25T10:00:00Z" }, { at: "2026-11-25T11:00:00Z", state: "pending" }]);
    await rebuildRollupsIfMissing(database.db);
    const built = await database.db.select().from(otpRequestRollups);
    expect(built.map((r) => [r.agent, r.day, r.state, r.requests])).toEqual(
      expect.arrayContaining([
        ["", "2026-11-25", "sent", 1],
        ["asha", "2026-11-25", "sent", 1],
      ]),
    );

    await insertRows(database.db, [{ at: "2026-11-25T12:00:00Z" }]);
    await rebuildRollupsIfMissing(database.db);
    expect(await database.db.select().from(otpRequestRollups)).toEqual(built);
  });
});
