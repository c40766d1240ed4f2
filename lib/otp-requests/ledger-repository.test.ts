import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import type { Db } from "@/lib/db/open";
import { findBySubmission, completeRequests, recordPending, type Completion, type PendingRequest } from "./ledger-repository";

const vault = new MobileVault(Buffer.alloc(32, 0x5a));
const MOBILE = "9876543210";

/** One completion on its own: true when its row was pending and is now complete. */
async function completeRequest(db: Db, clientRefId: string, completion: Completion): Promise<boolean> {
  return (await completeRequests(db, [{ clientRefId, completion, completedAt: new Date() }])).has(clientRefId);
}

function pending(clientRefId: string, overrides: Partial<PendingRequest> = {}): PendingRequest {
  return {
    clientRefId,
    agent: "asha",
    userCode: "20810200",
    ...vault.protect(MOBILE),
    recipientId: 10017740,
    beneficiaryId: "BEN42",
    amount: 110,
    ...overrides,
  };
}

/** The PostgreSQL error behind drizzle's wrapper (node-postgres and PGlite both carry `code` and `constraint`). */
function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  while (current instanceof Error) {
    const fields = current as Error & { code?: unknown; constraint?: unknown };
    if (typeof fields.code === "string") {
      return { code: fields.code, constraint: typeof fields.constraint === "string" ? fields.constraint : undefined };
    }
    current = current.cause;
  }
  return {};
}

async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await promise;
  } catch (error) {
    return databaseErrorOf(error);
  }
  throw new Error("The insert was accepted");
}

describeEachDatabase("ledger repository", (database) => {
  beforeEach(() => database.reset());

  const rowOf = async (clientRefId: string) => {
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.clientRefId, clientRefId));
    if (!row) throw new Error(`No row for ${clientRefId}`);
    return row;
  };

  it("recordPending writes a pending row with every field, before any outcome", async () => {
    const before = Date.now();
    const request = pending("LD0000000001");
    const inserted = await recordPending(database.db, request);
    if (!inserted) throw new Error("recordPending inserted nothing");
    const { id, createdAt } = inserted;

    const row = await rowOf("LD0000000001");
    expect(row).toMatchObject({ ...request, id, state: "pending", completedAt: null, otpRefId: null, latencyMs: null });
    expect(row.createdAt).toEqual(createdAt);
    expect(Math.abs(createdAt.getTime() - before)).toBeLessThan(60_000);
    expect(vault.decrypt(row.customerMobileEncrypted)).toBe(MOBILE);
    expect(row.customerMobileEncrypted).not.toContain(MOBILE);
  });

  it("refuses a second row with the same client_ref_id", async () => {
    await recordPending(database.db, pending("LD0000000002"));
    const error = await rejectionOf(recordPending(database.db, pending("LD0000000002", { agent: "ravi", amount: 500 })));

    expect(error).toEqual({ code: "23505", constraint: "otp_requests_client_ref_id_unique" });
    expect(await database.db.select().from(otpRequests)).toHaveLength(1);
    expect((await rowOf("LD0000000002")).agent).toBe("asha");
  });

  it("records a submission id once: a second row for it is not inserted, and the first is found by it", async () => {
    const submissionId = "0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c0a9b";
    expect(await recordPending(database.db, pending("LD0000000007", { submissionId }))).not.toBeNull();
    expect(await recordPending(database.db, pending("LD0000000008", { submissionId, amount: 999 }))).toBeNull();

    expect(await database.db.select().from(otpRequests)).toHaveLength(1);
    expect(await findBySubmission(database.db, submissionId)).toMatchObject({ clientRefId: "LD0000000007", amount: 110 });
    expect(await findBySubmission(database.db, "no-such-submission")).toBeUndefined();
  });

  it("completeRequest completes a pending row once and never overwrites it", async () => {
    await recordPending(database.db, pending("LD0000000003"));
    const first = await completeRequest(database.db, "LD0000000003", {
      state: "sent",
      otpRefId: "otp-ref-1",
      ekoStatus: 0,
      ekoResponseStatusId: 0,
      ekoResponseTypeId: 321,
      ekoMessage: "OTP sent",
      httpStatus: 200,
      latencyMs: 420,
    });
    expect(first).toBe(true);
    const completed = await rowOf("LD0000000003");
    expect(completed).toMatchObject({ state: "sent", otpRefId: "otp-ref-1", ekoResponseTypeId: 321, ekoMessage: "OTP sent", latencyMs: 420 });
    expect(completed.completedAt).toBeInstanceOf(Date);

    const second = await completeRequest(database.db, "LD0000000003", { state: "failed", failureReason: "late", httpStatus: 500, latencyMs: 9 });
    expect(second).toBe(false);
    expect(await rowOf("LD0000000003")).toEqual(completed);
  });

  it("completeRequests completes many rows in one statement, each with its own outcome, whatever the text", async () => {
    for (const id of ["LD0000000011", "LD0000000012", "LD0000000013"]) await recordPending(database.db, pending(id));
    await completeRequest(database.db, "LD0000000013", { state: "sent", otpRefId: "first", latencyMs: 5 });
    const at = new Date("2026-11-28T10:00:00.123Z");
    const awkward = `Eko said "no" \\ twice, 'quoted', {braces}, NULL, ₹ हिंदी`;
    const result = { status: "failed", reason: "http", clientRefId: "LD0000000012", eko: null, httpStatus: 502 } as const;
    const completed = await completeRequests(database.db, [
      {
        clientRefId: "LD0000000011",
        completion: { state: "sent", otpRefId: "ref-11", ekoStatus: 0, httpStatus: 200, latencyMs: 41 },
        completedAt: at,
      },
      {
        clientRefId: "LD0000000012",
        completion: { state: "failed", failureReason: "http", ekoMessage: awkward, httpStatus: 502, latencyMs: 99, result },
        completedAt: at,
      },
      { clientRefId: "LD0000000013", completion: { state: "failed", failureReason: "late", latencyMs: 1 }, completedAt: at },
    ]);
    expect([...completed].sort()).toEqual(["LD0000000011", "LD0000000012"]);
    expect(await rowOf("LD0000000011")).toMatchObject({
      state: "sent",
      otpRefId: "ref-11",
      ekoStatus: 0,
      httpStatus: 200,
      latencyMs: 41,
      ekoMessage: null,
      result: null,
      completedAt: at,
    });
    expect(await rowOf("LD0000000012")).toMatchObject({
      state: "failed",
      failureReason: "http",
      ekoMessage: awkward,
      latencyMs: 99,
      result,
      otpRefId: null,
    });
    // Already completed: left exactly as it was.
    expect(await rowOf("LD0000000013")).toMatchObject({ state: "sent", otpRefId: "first", latencyMs: 5 });
  });

  it("completeRequest for an unknown client_ref_id changes nothing", async () => {
    expect(await completeRequest(database.db, "LD0000000404", { state: "unknown", latencyMs: 1 })).toBe(false);
    expect(await database.db.select().from(otpRequests)).toHaveLength(0);
  });

  it.each([0, -1, -25_000])("refuses an amount of %i through the check constraint", async (amount) => {
    const error = await rejectionOf(recordPending(database.db, pending("LD0000000005", { amount })));
    expect(error).toEqual({ code: "23514", constraint: "otp_requests_amount_positive" });
    expect(await database.db.select().from(otpRequests)).toHaveLength(0);
  });

  it("accepts the smallest positive amount", async () => {
    await recordPending(database.db, pending("LD0000000006", { amount: 1 }));
    expect((await rowOf("LD0000000006")).amount).toBe(1);
  });
});
