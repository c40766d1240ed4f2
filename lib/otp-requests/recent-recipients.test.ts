import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { listRecentRecipients } from "./recent-recipients";
import { insertRows, MOBILES, testVault } from "./testing/ledger-rows";

describeEachDatabase("recent recipients for the quick picks", (database) => {
  beforeEach(() => database.reset());
  const recentFor = (agent: string, mobile: string, limit?: number) =>
    listRecentRecipients(database.db, { agent, mobileHash: testVault.hash(mobile), limit });

  it("gives this agent's distinct sent recipients for the customer, latest first", async () => {
    await insertRows(database.db, [
      { at: "2026-11-26T10:00:00Z", recipientId: 111, beneficiaryId: "B1" },
      { at: "2026-11-26T10:05:00Z", recipientId: 222 },
      { at: "2026-11-26T10:10:00Z", recipientId: 111, beneficiaryId: "B1" },
      { at: "2026-11-26T10:15:00Z", recipientId: 111, beneficiaryId: "B2" },
    ]);
    expect(await recentFor("asha", MOBILES.x)).toEqual([
      { recipientId: "111", beneficiaryId: "B2" },
      { recipientId: "111", beneficiaryId: "B1" },
      { recipientId: "222", beneficiaryId: null },
    ]);
  });

  it("never shows another agent's rows, another customer's, or requests that were not sent", async () => {
    await insertRows(database.db, [
      { at: "2026-11-26T10:00:00Z", agent: "ravi", recipientId: 333 },
      { at: "2026-11-26T10:01:00Z", mobile: MOBILES.y, recipientId: 444 },
      { at: "2026-11-26T10:02:00Z", state: "rejected", recipientId: 555 },
      { at: "2026-11-26T10:03:00Z", state: "limited", recipientId: 666 },
      { at: "2026-11-26T10:04:00Z", recipientId: 777 },
    ]);
    expect(await recentFor("asha", MOBILES.x)).toEqual([{ recipientId: "777", beneficiaryId: null }]);
    expect(await recentFor("ravi", MOBILES.x)).toEqual([{ recipientId: "333", beneficiaryId: null }]);
    expect(await recentFor("asha", MOBILES.z)).toEqual([]);
  });

  it("stops at five", async () => {
    await insertRows(
      database.db,
      Array.from({ length: 7 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 26, 10, i)), recipientId: 1000 + i })),
    );
    const picks = await recentFor("asha", MOBILES.x);
    expect(picks.map((p) => p.recipientId)).toEqual(["1006", "1005", "1004", "1003", "1002"]);
  });
});
