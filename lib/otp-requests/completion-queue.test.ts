import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import { drain, resetShutdownForTests } from "@/lib/startup/graceful-shutdown";
import { completeSoon, WINDOW_MS } from "./completion-queue";
import { recordPending } from "./ledger-repository";

const vault = new MobileVault(Buffer.alloc(32, 0x5a));
const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `LDQ${String(from + i).padStart(9, "0")}`);

describeEachDatabase("completion write-behind", (database) => {
  beforeEach(() => database.reset());
  afterEach(() => resetShutdownForTests());

  const seed = async (clientRefIds: string[]) => {
    for (const clientRefId of clientRefIds) {
      await recordPending(database.db, {
        clientRefId,
        agent: "asha",
        userCode: "20810200",
        ...vault.protect("9876543210"),
        recipientId: 10017740,
        amount: 100,
      });
    }
  };
  // xmin: the transaction that last wrote the row.
  const rows = () =>
    database.db
      .select({ state: otpRequests.state, otp_ref_id: otpRequests.otpRefId, tx: sql<string>`xmin::text` })
      .from(otpRequests)
      .orderBy(otpRequests.clientRefId);

  it("completes the rows that arrive together in one transaction, each with its own outcome", async () => {
    const batch = ids(12);
    await seed(batch);
    const done = await Promise.all(batch.map((id) => completeSoon(database.db, id, { state: "sent", otpRefId: `ref-${id}`, latencyMs: 40 })));
    expect(done).toEqual(batch.map(() => true));
    const written = await rows();
    expect(written.map((row) => [row.state, row.otp_ref_id])).toEqual(batch.map((id) => ["sent", `ref-${id}`]));
    expect(new Set(written.map((row) => row.tx)).size).toBe(1);
  });

  it("answers false for a row that is not pending, and still completes the others of its window", async () => {
    const [first, second] = ids(2, 100);
    await seed([first!, second!]);
    await completeSoon(database.db, first!, { state: "sent", otpRefId: "early", latencyMs: 1 });
    const [again, other, unknown] = await Promise.all([
      completeSoon(database.db, first!, { state: "failed", failureReason: "late", latencyMs: 2 }),
      completeSoon(database.db, second!, { state: "sent", otpRefId: "ok", latencyMs: 3 }),
      completeSoon(database.db, "LDQ404", { state: "unknown", latencyMs: 4 }),
    ]);
    expect([again, other, unknown]).toEqual([false, true, false]);
    expect((await rows()).map((row) => [row.state, row.otp_ref_id])).toEqual([
      ["sent", "early"],
      ["sent", "ok"],
    ]);
  });

  it("a row the database refuses fails alone: the rest of its window is still written", async () => {
    const batch = ids(3, 200);
    await seed(batch);
    const outcomes = await Promise.allSettled([
      completeSoon(database.db, batch[0]!, { state: "sent", otpRefId: "a", latencyMs: 1 }),
      // Out of an integer column's range: Postgres refuses the statement that carries it.
      completeSoon(database.db, batch[1]!, { state: "failed", ekoStatus: 2 ** 40, latencyMs: 1 }),
      completeSoon(database.db, batch[2]!, { state: "sent", otpRefId: "c", latencyMs: 1 }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await rows()).map((row) => row.state)).toEqual(["sent", "pending", "sent"]);
  });

  it("waits out its window before writing, and writes at once while the server drains", async () => {
    const [early, late] = ids(2, 300);
    await seed([early!, late!]);
    // Real time passes (setImmediate is not faked) while the window's timer stands still.
    const realWait = (ms: number) =>
      new Promise<void>((resolve) => {
        const end = performance.now() + ms;
        const tick = () => (performance.now() >= end ? resolve() : setImmediate(tick));
        tick();
      });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const writing = completeSoon(database.db, early!, { state: "sent", otpRefId: "x", latencyMs: 1 });
      await realWait(100);
      expect((await rows())[0]?.state).toBe("pending");
      vi.advanceTimersByTime(WINDOW_MS);
      expect(await writing).toBe(true);

      await drain(1_000);
      expect(await completeSoon(database.db, late!, { state: "sent", otpRefId: "y", latencyMs: 1 })).toBe(true);
      expect((await rows()).map((row) => row.state)).toEqual(["sent", "sent"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
