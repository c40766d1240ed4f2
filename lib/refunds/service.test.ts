import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, ekoCalls, refunds, transfers } from "@/lib/db/schema";
import { describeEachDatabase, type TestDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { ASHA, otpInput, serviceDeps, simulatedEkoForFile, submission } from "@/lib/otp-requests/testing/service-harness";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { runDueInquiries } from "@/lib/transfers/inquiries";
import { initiateTransfer } from "@/lib/transfers/service";
import { checkRefund, type RefundInquiryDeps } from "./inquiries";
import { refundTransfer, sendRefundOtp, type RefundDeps } from "./service";

const eko = simulatedEkoForFile({ timeoutMs: 800, slowMs: 1_500 });
const REFUND_PENDING = 10017743;
let seq = 0;
const newCustomer = () => `97${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;

function deps(database: TestDatabase, more: RefundDeps & RefundInquiryDeps = {}): RefundDeps & RefundInquiryDeps {
  return {
    db: database.db,
    config: eko.config,
    vault: testVault,
    breaker: new CircuitBreaker({ failures: 50, cooldownMs: 1_000 }),
    draining: () => false,
    kick: () => {},
    ...more,
  };
}

/** A real transfer Eko leaves in refund pending, made through the desk. */
async function refundPendingTransfer(database: TestDatabase, recipientId = REFUND_PENDING) {
  const customerMobile = newCustomer();
  const sent = await requestTransactionOtp(otpInput({ recipientId, customerMobile, amount: 700 }), submission(), serviceDeps(database.db, eko));
  if (sent.status !== "sent") throw new Error(`OTP not sent: ${sent.status}`);
  const otp = eko.sim.sms.filter((s) => s.to === customerMobile && s.purpose === "transaction").at(-1)!.otp;
  const made = await initiateTransfer(
    { otpRequestRef: sent.clientRefId, otp, submissionId: randomUUID() },
    { ...ASHA, shopLatlong: "28.6,77.2" },
    deps(database),
  );
  if (made.status !== "transfer") throw new Error("no transfer");
  return { ref: made.transfer.ref, tid: made.transfer.tid!, customerMobile, state: made.transfer.state };
}

const refundOtpFor = (customerMobile: string) => eko.sim.sms.filter((s) => s.to === customerMobile && s.purpose === "refund").at(-1)!.otp;
const initiateRefundCalls = (tid: string) => eko.sim.received.filter((r) => r.path.endsWith(`/customer/payment/refund/${tid}`));
const transferRow = async (database: TestDatabase, ref: string) =>
  (await database.db.select().from(transfers).where(eq(transfers.clientRefId, ref)))[0]!;

describeEachDatabase("refunding a transfer in refund pending", (database) => {
  it("sends a refund OTP, refunds once with it, and keeps the refund's facts and audit but never the OTP", async () => {
    const { ref, tid, customerMobile, state } = await refundPendingTransfer(database);
    expect(state).toBe("refund-pending");
    expect(await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database))).toMatchObject({
      status: "otp-sent",
      repeated: false,
    });
    const otp = refundOtpFor(customerMobile);
    const result = await refundTransfer({ transferRef: ref, otp, submissionId: randomUUID() }, ASHA, deps(database));
    expect(result).toMatchObject({ status: "refund", refund: { state: "refunded", amount: 700, refunded: 704, fee: 4, checking: false } });
    expect(result.status === "refund" && result.refund.refundTid).toMatch(/^\d+$/);
    expect(initiateRefundCalls(tid)).toHaveLength(1);
    expect(initiateRefundCalls(tid)[0]?.body).toMatchObject({ otp, service_code: 80, state: 1 });
    expect(await transferRow(database, ref)).toMatchObject({ state: "refunded", txStatus: 4 });
    const ledger = JSON.stringify([
      await database.db.select().from(refunds),
      await database.db.select().from(ekoCalls).where(eq(ekoCalls.aboutRefId, ref)),
      await database.db.select().from(auditEvents).where(eq(auditEvents.target, ref)),
    ]);
    expect(ledger).not.toContain(otp);
    expect(ledger).not.toContain(customerMobile);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.target, ref))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["refund.otp_requested", "refund.initiated"]));
    // Refunded: nothing more to send.
    expect(await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database))).toMatchObject({
      formError: "error.refund.notPending",
    });
  });

  it("turns a double click, a replay and a second tab into one Initiate Refund, each shown the same refund", async () => {
    const { ref, tid, customerMobile } = await refundPendingTransfer(database);
    await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database));
    const otp = refundOtpFor(customerMobile);
    const submissionId = randomUUID();
    const results = await Promise.all([
      refundTransfer({ transferRef: ref, otp, submissionId }, ASHA, deps(database)),
      refundTransfer({ transferRef: ref, otp, submissionId }, ASHA, deps(database)),
      refundTransfer({ transferRef: ref, otp, submissionId }, ASHA, deps(database)),
    ]);
    const otherTab = await refundTransfer({ transferRef: ref, otp, submissionId: randomUUID() }, ASHA, deps(database));
    expect(initiateRefundCalls(tid)).toHaveLength(1);
    const all = [...results, otherTab];
    expect(new Set(all.map((r) => (r.status === "refund" ? r.refund.ref : r.status))).size).toBe(1);
    expect(all.filter((r) => r.status === "refund" && r.repeated)).toHaveLength(3);
    expect(await database.db.select().from(refunds).where(eq(refunds.submissionId, submissionId))).toHaveLength(1);
  });

  it("takes a wrong refund OTP back without refunding, then refunds with the right one", async () => {
    const { ref, customerMobile } = await refundPendingTransfer(database);
    await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database));
    const otp = refundOtpFor(customerMobile);
    const wrong = otp === "111111" ? "222222" : "111111";
    const refused = await refundTransfer({ transferRef: ref, otp: wrong, submissionId: randomUUID() }, ASHA, deps(database));
    expect(refused).toMatchObject({ status: "refund", refund: { state: "refused", eko: { status: 302 } } });
    expect(await transferRow(database, ref)).toMatchObject({ state: "refund-pending" });
    const done = await refundTransfer({ transferRef: ref, otp, submissionId: randomUUID() }, ASHA, deps(database));
    expect(done).toMatchObject({ status: "refund", refund: { state: "refunded" } });
  });

  it("settles a refund answered too late by asking Eko: it had gone through", async () => {
    const { ref, tid, customerMobile } = await refundPendingTransfer(database);
    await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database));
    eko.sim.faults.set("slow", 1, customerMobile);
    const kicks: number[] = [];
    const result = await refundTransfer(
      { transferRef: ref, otp: refundOtpFor(customerMobile), submissionId: randomUUID() },
      ASHA,
      deps(database, { kick: () => kicks.push(1) }),
    );
    expect(result).toMatchObject({ status: "refund", refund: { state: "unknown", checking: true } });
    expect(kicks).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await runDueInquiries(deps(database));
    const [row] = await database.db
      .select()
      .from(refunds)
      .where(eq(refunds.transferId, (await transferRow(database, ref)).id));
    expect(row).toMatchObject({ state: "refunded", checks: 1, nextCheckAt: null });
    expect(await transferRow(database, ref)).toMatchObject({ state: "refunded" });
    expect(initiateRefundCalls(tid)).toHaveLength(1);
  });

  it("says a refund was not made only when Eko, asked twice well after the desk gave up, still shows refund pending", async () => {
    const { ref, tid, customerMobile } = await refundPendingTransfer(database);
    await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database));
    eko.sim.faults.set("no-answer", 1, customerMobile);
    const result = await refundTransfer({ transferRef: ref, otp: refundOtpFor(customerMobile), submissionId: randomUUID() }, ASHA, deps(database));
    expect(result).toMatchObject({ status: "refund", refund: { state: "unknown" } });
    const transferId = (await transferRow(database, ref)).id;
    const row = async () => (await database.db.select().from(refunds).where(eq(refunds.transferId, transferId)))[0]!;
    const patience = { notMadeAfterMs: 60_000 };
    const once = await checkRefund(database.db, await row(), deps(database, patience));
    const soon = await checkRefund(database.db, once!, deps(database, patience));
    expect(soon).toMatchObject({ state: "unknown", checks: 2 });
    const later = new Date(Date.now() + 61_000);
    expect(await checkRefund(database.db, soon!, deps(database, { ...patience, now: () => later }))).toMatchObject({
      state: "not-made",
      nextCheckAt: null,
    });
    // Nothing went back: a new refund OTP and a new refund may follow.
    expect(await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database, { now: () => later }))).toMatchObject({
      status: "otp-sent",
    });
    const again = await refundTransfer(
      { transferRef: ref, otp: refundOtpFor(customerMobile), submissionId: randomUUID() },
      ASHA,
      deps(database, { now: () => later }),
    );
    expect(again).toMatchObject({ status: "refund", refund: { state: "refunded" } });
    expect(initiateRefundCalls(tid)).toHaveLength(2);
  });

  it("refuses another agent, a transfer not in refund pending, a refund before its OTP, and a second OTP within 30 s", async () => {
    const { ref, tid } = await refundPendingTransfer(database);
    expect(await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, { ...ASHA, agent: "ravi" }, deps(database))).toMatchObject({
      formError: "error.refund.noTransfer",
    });
    expect(await refundTransfer({ transferRef: ref, otp: "123456", submissionId: randomUUID() }, ASHA, deps(database))).toMatchObject({
      formError: "error.refund.sendOtpFirst",
    });
    await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database));
    expect(await sendRefundOtp({ transferRef: ref, submissionId: randomUUID() }, ASHA, deps(database))).toMatchObject({
      formError: "error.refund.otpJustSent",
    });
    const success = await refundPendingTransfer(database, 10017740);
    expect(success.state).toBe("success");
    expect(await sendRefundOtp({ transferRef: success.ref, submissionId: randomUUID() }, ASHA, deps(database))).toMatchObject({
      formError: "error.refund.notPending",
    });
    expect(initiateRefundCalls(tid)).toHaveLength(0);
  });
});
