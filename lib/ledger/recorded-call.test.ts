import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ekoCalls } from "@/lib/db/schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import type { EkoConfig } from "@/lib/eko/config";
import { getSender } from "@/lib/eko/operations/get-sender";
import { initiateTransaction } from "@/lib/eko/operations/initiate-transaction";
import { sendTransactionOtp } from "@/lib/eko/operations/send-transaction-otp";
import { callEko } from "@/lib/eko/transport";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "@/lib/eko-sim/server";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import { recordedCall, type RecordedCallDeps } from "./recorded-call";

const actor = { agent: "asha", agentId: "user-asha", userCode: EKO_UAT.userCode };
const vault = new MobileVault(Buffer.alloc(32, 7));

let sim: Simulator;
let config: EkoConfig;
beforeAll(async () => {
  sim = createEkoSimulator({ ...EKO_UAT, slowMs: 1_500, control: true });
  const baseUrl = `http://127.0.0.1:${await sim.listen(0)}${SIM_BASE_PATH}`;
  config = { ...EKO_UAT, baseUrl, environment: "simulator", timeoutMs: 1_000, minAmount: 100, maxAmount: 25_000 };
});
afterAll(() => sim.close());

describeEachDatabase("every Eko call in the ledger", (database) => {
  const deps = (more: Partial<RecordedCallDeps> = {}): Partial<RecordedCallDeps> => ({
    db: database.db,
    config,
    vault,
    breaker: new CircuitBreaker({ failures: 5, cooldownMs: 30_000 }),
    draining: () => false,
    ...more,
  });
  const rowOf = async (clientRefId: string) => (await database.db.select().from(ekoCalls).where(eq(ekoCalls.clientRefId, clientRefId)))[0]!;

  it("writes the call before it is sent and completes it with Eko's codes; the customer only as hash and last four", async () => {
    const mobile = "6111111111";
    const outcome = await recordedCall(getSender, { customerMobile: mobile }, { actor, customerMobile: mobile }, deps());
    expect(outcome).toMatchObject({ kind: "ok", data: { intent_id: 19 } });
    const row = await rowOf(outcome.clientRefId);
    expect(row).toMatchObject({
      operation: "get-sender",
      movesMoney: false,
      state: "ok",
      agent: "asha",
      ekoResponseTypeId: 2129,
      customerMobileLast4: "1111",
    });
    expect(row.customerMobileHash).toBe(vault.hash(mobile));
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toContain(mobile);

    const refused = await recordedCall(getSender, { customerMobile: "6333333333" }, { actor, customerMobile: "6333333333" }, deps());
    expect(refused).toMatchObject({ kind: "rejected", codes: { status: 308 } });
    expect(await rowOf(refused.clientRefId)).toMatchObject({ state: "rejected", ekoStatus: 308 });
  });

  it("calls nothing when the ledger cannot be written", async () => {
    const before = sim.received.length;
    // A database that refuses the write, as one that has gone away does.
    const refuse = () => Promise.reject(Object.assign(new Error("terminating connection"), { code: "57P01" }));
    const broken = {
      insert: () => ({ values: () => ({ onConflictDoNothing: () => ({ returning: refuse }) }) }),
    } as unknown as RecordedCallDeps["db"];
    const outcome = await recordedCall(getSender, { customerMobile: "6111111111" }, { actor }, deps({ db: broken }));
    expect(outcome).toMatchObject({ kind: "not-sent", reason: "ledger-unavailable" });
    expect(sim.received.length).toBe(before);
  });

  it("a transfer that times out is unknown, sent once and never again, and its OTP is kept nowhere", async () => {
    const mobile = "9876500031";
    const sent = await callEko(
      sendTransactionOtp,
      { clientRefId: newClientRefId(), recipientId: 10017740, amount: 1500, customerMobile: mobile },
      { config, userCode: actor.userCode },
    );
    if (sent.kind !== "ok") throw new Error("send-otp");
    const otp = sim.sms.filter((sms) => sms.to === mobile).at(-1)!.otp;
    sim.faults.set("slow", 1, mobile);
    const before = sim.received.length;
    const clientRefId = newClientRefId();
    const input = {
      clientRefId,
      recipientId: 10017740,
      amount: 1500,
      customerMobile: mobile,
      otp,
      otpRefId: sent.data.otp_ref_id,
      channel: 0,
      latlong: "28.63,77.22",
      timestamp: new Date().toISOString(),
    };
    const outcome = await recordedCall(initiateTransaction, input, { actor, customerMobile: mobile, clientRefId }, deps());
    expect(outcome).toMatchObject({ kind: "unknown", reason: "timeout", clientRefId });
    expect(sim.received.length - before).toBe(1);
    const row = await rowOf(clientRefId);
    expect(row).toMatchObject({ operation: "initiate-transaction", movesMoney: true, state: "unknown", failureReason: "timeout" });
    expect(JSON.stringify(row)).not.toContain(otp);
  });

  it("an open breaker or a stopping server sends nothing, and the row says so", async () => {
    const breaker = new CircuitBreaker({ failures: 1, cooldownMs: 60_000 });
    const admission = breaker.admit();
    if (admission.kind === "call") breaker.record(admission, { kind: "unknown", reason: "timeout" });
    const before = sim.received.length;
    const open = await recordedCall(getSender, { customerMobile: "6111111111" }, { actor }, deps({ breaker }));
    expect(open).toMatchObject({ kind: "not-sent", reason: "circuit-open", retryAt: expect.any(String) });
    expect(await rowOf(open.clientRefId)).toMatchObject({ state: "not-sent", failureReason: "circuit-open" });
    const stopping = await recordedCall(getSender, { customerMobile: "6111111111" }, { actor }, deps({ draining: () => true }));
    expect(await rowOf(stopping.clientRefId)).toMatchObject({ state: "not-sent", failureReason: "shutting-down" });
    expect(sim.received.length).toBe(before);
  });
});
