import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { ekoCalls, otpRequests, transfers } from "@/lib/db/schema";
import { describeEachDatabase, type TestDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { ASHA, otpInput, serviceDeps, simulatedEkoForFile, submission, type SimulatedEko } from "@/lib/otp-requests/testing/service-harness";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { checkTransfer, runDueInquiries, type InquiryDeps } from "./inquiries";
import { initiateTransfer, type TransferActor, type TransferDeps } from "./service";

const eko = simulatedEkoForFile({ timeoutMs: 800, slowMs: 1_500 });
const SHOP = "28.6139,77.209";
const actor: TransferActor = { ...ASHA, shopLatlong: SHOP };
const INITIATE_PATH = "/customer/payment/ppi-levin";

let mobileSeq = 0;
/** A customer of this test alone, so the simulator's per-customer faults and SMS never mix between tests. */
const newCustomer = () => `98${String(Date.now() % 1e6).padStart(6, "0")}${String(mobileSeq++ % 100).padStart(2, "0")}`;

function transferDeps(database: TestDatabase, simulated: SimulatedEko, more: TransferDeps & InquiryDeps = {}): TransferDeps & InquiryDeps {
  return {
    db: database.db,
    config: simulated.config,
    vault: testVault,
    breaker: new CircuitBreaker({ failures: 50, cooldownMs: 1_000 }),
    draining: () => false,
    kick: () => {},
    ...more,
  };
}

/** Sends a real OTP through the desk and reads what the simulator texted the customer. */
async function sentOtp(database: TestDatabase, recipientId = 10017740, customerMobile = newCustomer()) {
  const result = await requestTransactionOtp(otpInput({ recipientId, customerMobile, amount: 500 }), submission(), serviceDeps(database.db, eko));
  if (result.status !== "sent") throw new Error(`OTP not sent: ${result.status}`);
  const sms = eko.sim.sms.filter((s) => s.to === customerMobile && s.purpose === "transaction").at(-1)!;
  return { ref: result.clientRefId, otp: sms.otp, customerMobile };
}

const initiateCalls = () => eko.sim.received.filter((r) => r.path.endsWith(INITIATE_PATH));
const rowOf = async (database: TestDatabase, ref: string) => (await database.db.select().from(transfers).where(eq(transfers.clientRefId, ref)))[0]!;

describeEachDatabase("a transfer from the customer's OTP", (database) => {
  it("moves exactly what the OTP was sent for, once, and keeps the receipt's facts but never the OTP", async () => {
    const { ref, otp, customerMobile } = await sentOtp(database);
    const result = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(result.status).toBe("transfer");
    if (result.status !== "transfer") return;
    const view = result.transfer;
    expect(view).toMatchObject({ state: "success", amount: 500, recipientId: 10017740, fee: 4, collectable: 504, checking: false });
    expect(view.tid).toMatch(/^\d+$/);
    expect(view.bankRef).toMatch(/^\d+$/);
    const [call] = initiateCalls();
    expect(call?.body).toMatchObject({
      amount: 500,
      recipient_id: 10017740,
      customer_id: customerMobile,
      otp,
      latlong: SHOP,
      currency: "INR",
      state: "1",
      recipient_id_type: "1",
      channel: 0,
      client_ref_id: view.ref,
    });
    const row = await rowOf(database, view.ref);
    const ledger = JSON.stringify([row, await database.db.select().from(ekoCalls).where(eq(ekoCalls.aboutRefId, view.ref))]);
    expect(ledger).not.toContain(otp);
    expect(ledger).not.toContain(customerMobile);
    expect(row.settledAt).not.toBeNull();
  });

  it("turns a double click, a replay and a second tab into one Initiate call, each shown the same transfer", async () => {
    const { ref, otp } = await sentOtp(database);
    const submissionId = randomUUID();
    const deps = transferDeps(database, eko);
    const [first, second] = await Promise.all([
      initiateTransfer({ otpRequestRef: ref, otp, submissionId }, actor, deps),
      initiateTransfer({ otpRequestRef: ref, otp, submissionId }, actor, deps),
    ]);
    const otherTab = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, deps);
    expect(initiateCalls()).toHaveLength(1);
    const refs = [first, second, otherTab].map((r) => (r.status === "transfer" ? r.transfer.ref : r.status));
    expect(new Set(refs).size).toBe(1);
    expect([first, second, otherTab].filter((r) => r.status === "transfer" && r.repeated)).toHaveLength(2);
  });

  it("lets the agent enter a wrong OTP again: Eko's refusal moved nothing, and the right OTP then transfers", async () => {
    const { ref, otp } = await sentOtp(database);
    const wrong = otp === "111111" ? "222222" : "111111";
    const refused = await initiateTransfer({ otpRequestRef: ref, otp: wrong, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(refused).toMatchObject({ status: "transfer", transfer: { state: "refused", eko: { status: 302 } } });
    const done = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(done).toMatchObject({ status: "transfer", transfer: { state: "success" } });
  });

  it("takes Eko's failure as final: nothing to ask again", async () => {
    const { ref, otp } = await sentOtp(database, 10017741);
    const result = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(result).toMatchObject({ status: "transfer", transfer: { state: "failed", checking: false } });
  });

  it("settles a transfer answered too late by asking Eko: it had gone through", async () => {
    const { ref, otp, customerMobile } = await sentOtp(database);
    eko.sim.faults.set("slow", 1, customerMobile);
    const kicks: number[] = [];
    const result = await initiateTransfer(
      { otpRequestRef: ref, otp, submissionId: randomUUID() },
      actor,
      transferDeps(database, eko, { kick: () => kicks.push(1) }),
    );
    expect(result).toMatchObject({ status: "transfer", transfer: { state: "unknown", checking: true } });
    expect(kicks).toHaveLength(1);
    if (result.status !== "transfer") return;
    await new Promise((resolve) => setTimeout(resolve, 800));
    const checked = await checkTransfer(database.db, await rowOf(database, result.transfer.ref), transferDeps(database, eko));
    expect(checked).toMatchObject({ state: "success", checks: 1, nextCheckAt: null });
    expect(initiateCalls()).toHaveLength(1);
    const inquiries = await database.db.select().from(ekoCalls).where(eq(ekoCalls.aboutRefId, result.transfer.ref));
    expect(inquiries.map((c) => [c.operation, c.state])).toEqual([["transaction-inquiry", "ok"]]);
  });

  it("says no money moved only after Eko twice has no record of an unanswered transfer, well after the desk gave up", async () => {
    const { ref, otp } = await sentOtp(database, 10017749);
    const result = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(result).toMatchObject({ status: "transfer", transfer: { state: "unknown" } });
    if (result.status !== "transfer") return;
    const patience = { notFoundAfterMs: 60_000 };
    const once = await checkTransfer(database.db, await rowOf(database, result.transfer.ref), transferDeps(database, eko, patience));
    expect(once).toMatchObject({ state: "unknown", notFoundChecks: 1 });
    expect(once?.nextCheckAt).not.toBeNull();
    // Twice, but too soon: Eko might yet record a request that reached it late.
    const soon = await checkTransfer(database.db, once!, transferDeps(database, eko, patience));
    expect(soon).toMatchObject({ state: "unknown", notFoundChecks: 2 });
    const later = new Date(Date.now() + 61_000);
    const twice = await checkTransfer(database.db, soon!, transferDeps(database, eko, { ...patience, now: () => later }));
    expect(twice).toMatchObject({ state: "not-found", nextCheckAt: null });
    // No money moved, so the same OTP request may carry a new attempt.
    const again = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(again.status === "transfer" && again.transfer.ref).not.toBe(result.transfer.ref);
  });

  it("follows an awaited NEFT transfer on the schedule until it succeeds, also from the worker", async () => {
    const { ref, otp } = await sentOtp(database, 10017742);
    const result = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    expect(result).toMatchObject({ status: "transfer", transfer: { state: "awaited", checking: true } });
    if (result.status !== "transfer") return;
    let clock = Date.now();
    const deps = transferDeps(database, eko, { now: () => new Date(clock) });
    for (let i = 0; i < 3; i++) {
      clock += 60_000;
      await runDueInquiries(deps);
    }
    expect(await rowOf(database, result.transfer.ref)).toMatchObject({ state: "success", checks: 3, nextCheckAt: null });
  });

  it("waits for an OTP request whose 'sent' is still being written when the customer's OTP arrives at once", async () => {
    const { ref, otp } = await sentOtp(database);
    const byRef = eq(otpRequests.clientRefId, ref);
    await database.db.update(otpRequests).set({ state: "pending" }).where(byRef);
    const landing = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      database.db.update(otpRequests).set({ state: "sent" }).where(byRef),
    );
    const result = await initiateTransfer({ otpRequestRef: ref, otp, submissionId: randomUUID() }, actor, transferDeps(database, eko));
    await landing;
    expect(result).toMatchObject({ status: "transfer", transfer: { state: "success" } });
  });

  it("refuses another agent's OTP request, and a transfer with no location to send", async () => {
    const { ref, otp } = await sentOtp(database);
    const other = await initiateTransfer(
      { otpRequestRef: ref, otp, submissionId: randomUUID() },
      { ...actor, agent: "ravi" },
      transferDeps(database, eko),
    );
    expect(other).toEqual({ status: "invalid", fieldErrors: {}, formError: "error.transfer.noOtpRequest" });
    const nowhere = await initiateTransfer(
      { otpRequestRef: ref, otp, submissionId: randomUUID() },
      { ...actor, shopLatlong: null },
      transferDeps(database, eko),
    );
    expect(nowhere).toEqual({ status: "invalid", fieldErrors: {}, formError: "error.transfer.noLocation" });
    expect(initiateCalls()).toHaveLength(0);
  });
});
