import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { recheckTransfer } from "@/lib/refunds/repository";
import { recordCheck } from "./repository";
import { listTransferChanges } from "./review";
import { writeTransfer } from "./testing/transfer-rows";

const refs = (rows: { ref: string }[]) => rows.map((row) => row.ref);

describeEachDatabase("transfers changed since a poll", (database) => {
  let old: Awaited<ReturnType<typeof writeTransfer>>;
  let settled: Awaited<ReturnType<typeof writeTransfer>>;
  let other: Awaited<ReturnType<typeof writeTransfer>>;
  let cut: Date;

  beforeAll(async () => {
    await database.reset();
    const { db } = database;
    old = await writeTransfer(db, { at: "2026-11-20T05:00:00Z", state: "success" });
    settled = await writeTransfer(db, { at: "2026-11-20T06:00:00Z", state: "unknown" });
    other = await writeTransfer(db, { at: "2026-11-20T07:00:00Z", agent: "ravi", state: "on-hold" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    cut = new Date();
    // After the cut: an inquiry settles one transfer, a person asks Eko again about another, and a new one is made.
    await recordCheck(db, settled.clientRefId, "unknown", { state: "success", feePaise: 450 });
    await recheckTransfer(db, other.id, new Date());
  });

  it("are the rows written after the cut, newest first, whatever their age: older rows are left out", async () => {
    const fresh = await writeTransfer(database.db, { at: new Date(), state: "pending" });
    const changes = await listTransferChanges(database.db, {}, cut, 10);
    expect(refs(changes.rows)).toEqual([fresh.clientRefId, other.clientRefId, settled.clientRefId]);
    expect(changes.rows.find((row) => row.ref === settled.clientRefId)).toMatchObject({ state: "success", fee: 4.5, id: settled.id });
    expect(refs(changes.rows)).not.toContain(old.clientRefId);
    expect(changes).toMatchObject({ removed: [], truncated: false });
  });

  it("keep to the filters, and name a row that changed out of a state filter as removed", async () => {
    const unknown = await listTransferChanges(database.db, { state: "unknown" }, cut, 10);
    expect(unknown.rows).toEqual([]);
    expect(unknown.removed).toContain(settled.id);
    expect(refs((await listTransferChanges(database.db, { agent: "ravi" }, cut, 10)).rows)).toEqual([other.clientRefId]);
    expect((await listTransferChanges(database.db, { from: "2026-11-21" }, cut, 10)).rows.map((row) => row.id)).not.toContain(settled.id);
  });

  it("say when more changed than a poll carries, so the browser starts from the newest page", async () => {
    const changes = await listTransferChanges(database.db, {}, cut, 1);
    expect(changes.rows).toHaveLength(1);
    expect(changes.truncated).toBe(true);
  });
});
