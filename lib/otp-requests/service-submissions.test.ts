import { randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { requestTransactionOtp } from "./service";
import { FORM_REUSED } from "./submissions";
import { testVault } from "./testing/ledger-rows";
import { ASHA, otpInput, rowsForSubmission, serviceDeps, SLOW_RECIPIENT, submission, simulatedEkoForFile } from "./testing/service-harness";

const eko = simulatedEkoForFile({ slowMs: 300, timeoutMs: 1500 });

describeEachDatabase("one submission, one send", (database) => {
  beforeEach(() => database.reset());
  const deps = () => serviceDeps(database.db, eko);

  it.each([
    ["an immediate answer", 10017740],
    ["a slow answer, so the copies arrive while the first is pending", SLOW_RECIPIENT],
  ])("ten concurrent copies of one submission make one Eko call and share its result (%s)", async (_name, recipientId) => {
    const context = submission();
    const results = await Promise.all(Array.from({ length: 10 }, () => requestTransactionOtp(otpInput({ recipientId }), context, deps())));

    expect(eko.sim.received).toHaveLength(1);
    const [first] = results;
    expect(first).toMatchObject({ status: "sent", maskedMobile: "••••••3210" });
    const otpRefIds = new Set(results.map((r) => (r.status === "sent" ? r.otpRefId : r.status)));
    expect([...otpRefIds]).toEqual([first?.status === "sent" ? first.otpRefId : "missing"]);
    for (const result of results) expect(result).toEqual(first);

    const rows = await rowsForSubmission(database.db, context.submissionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "sent", agent: "asha", agentId: "user-asha", result: first });
  });

  it("a repeat after completion returns the stored result without calling Eko", async () => {
    const context = submission();
    const first = await requestTransactionOtp(otpInput(), context, deps());
    expect(first.status).toBe("sent");
    expect(eko.sim.received).toHaveLength(1);

    const again = await requestTransactionOtp(otpInput(), context, deps());
    expect(again).toEqual(first);
    expect(eko.sim.received).toHaveLength(1);
    expect(await database.db.select().from(otpRequests)).toHaveLength(1);
  });

  it("a repeat of a rejected request gets the same rejection, not a second try", async () => {
    const context = submission();
    const first = await requestTransactionOtp(otpInput({ recipientId: 463 }), context, deps());
    expect(first).toMatchObject({ status: "rejected", reason: "customer-not-found" });
    expect(await requestTransactionOtp(otpInput({ recipientId: 463 }), context, deps())).toEqual(first);
    expect(eko.sim.received).toHaveLength(1);
  });

  it.each([
    ["another mobile", { input: otpInput({ customerMobile: "9123456789" }), actor: ASHA }],
    ["another amount", { input: otpInput({ amount: 5000 }), actor: ASHA }],
    ["another recipient", { input: otpInput({ recipientId: 10017741 }), actor: ASHA }],
    ["another beneficiary", { input: otpInput({ beneficiaryId: undefined }), actor: ASHA }],
    ["another agent", { input: otpInput(), actor: { agent: "ravi", agentId: "user-ravi", userCode: ASHA.userCode } }],
  ])("a submission id reused with %s is refused without calling Eko", async (_name, reuse) => {
    const submissionId = randomUUID();
    const first = await requestTransactionOtp(otpInput(), submission(ASHA, submissionId), deps());
    expect(first.status).toBe("sent");

    const reused = await requestTransactionOtp(reuse.input, submission(reuse.actor, submissionId), deps());
    expect(reused).toEqual({ status: "invalid", fieldErrors: {}, formError: FORM_REUSED });
    expect(eko.sim.received).toHaveLength(1);
    expect(await rowsForSubmission(database.db, submissionId)).toMatchObject([{ amount: 110, agent: "asha", result: first }]);
  });

  it("refuses a malformed submission id before touching the ledger or Eko", async () => {
    for (const submissionId of ["", "short", "has spaces in it", "x".repeat(65), "semi;colon-1234"]) {
      const result = await requestTransactionOtp(otpInput(), { actor: ASHA, submissionId }, deps());
      expect(result).toMatchObject({ status: "invalid", fieldErrors: {} });
    }
    expect(eko.sim.received).toHaveLength(0);
    expect(await database.db.select().from(otpRequests)).toHaveLength(0);
  });

  it("a repeat of a submission whose first request never completed reads as unknown, without calling Eko", async () => {
    const submissionId = randomUUID();
    // The first arrival's process died mid-call: its row was written 4 s ago, within the 1.5 s timeout plus margin.
    await database.db.insert(otpRequests).values({
      clientRefId: "LDDIEDMIDCALL0000001",
      submissionId,
      agent: "asha",
      agentId: "user-asha",
      userCode: ASHA.userCode,
      ...testVault.protect("9876543210"),
      recipientId: 10017740,
      beneficiaryId: "BEN42",
      amount: 110,
      createdAt: new Date(Date.now() - 4_000),
    });
    const started = performance.now();
    const result = await requestTransactionOtp(otpInput(), submission(ASHA, submissionId), deps());

    expect(result).toEqual({ status: "unknown", reason: "timeout", clientRefId: "LDDIEDMIDCALL0000001", timeoutSeconds: 2 });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(eko.sim.received).toHaveLength(0);
  });

  it("copies arriving while Eko is slower than the timeout all get the first request's unknown", async () => {
    const context = submission();
    const slow = serviceDeps(database.db, eko, { config: { ...eko.config, timeoutMs: 200 } });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => requestTransactionOtp(otpInput({ recipientId: SLOW_RECIPIENT }), context, slow)),
    );

    expect(eko.sim.received).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: "unknown", reason: "timeout" });
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await rowsForSubmission(database.db, context.submissionId)).toMatchObject([{ state: "unknown", result: results[0] }]);
  });
});
