import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { transferRollups } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { rebuildOtpRollups } from "@/lib/otp-requests/rollups";
import { writeTransfer } from "@/lib/transfers/testing/transfer-rows";
import { checkRollups } from "./rollup-checks";

describeEachDatabase("the load run's rollup check", (database) => {
  it("passes on the rollups transfers keep as they settle, and fails on one a write got wrong", async () => {
    await database.reset();
    const { db } = database;
    await writeTransfer(db, { at: "2026-11-25T10:10:00Z", state: "success", feePaise: 400 });
    await writeTransfer(db, { at: "2026-11-25T10:20:00Z", agent: "ravi", state: "on-hold" });
    // The test's OTP rows are written as they stand, not through the desk: their rollups come from the ledger.
    await rebuildOtpRollups(db);
    expect(await checkRollups(db)).toMatchObject({ ok: true });

    await db.execute(sql`update ${transferRollups} set fee_paise = fee_paise + 1 where state = 'success' and agent = 'asha' and span = 'hour'`);
    expect(await checkRollups(db)).toMatchObject({ ok: false, detail: expect.stringContaining("2 differing") });
  });
});
