import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import type { EkoOperation } from "@/lib/eko/operation";
import { addRecipient } from "@/lib/eko/operations/add-recipient";
import { addRecipientBank } from "@/lib/eko/operations/add-recipient-bank";
import { getRecipients } from "@/lib/eko/operations/get-recipients";
import { getRefundOtp } from "@/lib/eko/operations/get-refund-otp";
import { initiateRefund } from "@/lib/eko/operations/initiate-refund";
import { getSender } from "@/lib/eko/operations/get-sender";
import { initiateTransaction } from "@/lib/eko/operations/initiate-transaction";
import { sendTransactionOtp } from "@/lib/eko/operations/send-transaction-otp";
import { transactionInquiry } from "@/lib/eko/operations/transaction-inquiry";
import { verifySenderOtp } from "@/lib/eko/operations/verify-sender-otp";
import { callEko, type TransportDeps } from "@/lib/eko/transport";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "./server";
import EKO_UAT from "./uat-values.json";

let sim: Simulator;
let deps: TransportDeps;
beforeAll(async () => {
  sim = createEkoSimulator({ ...EKO_UAT, slowMs: 1_000, control: true });
  const base = `http://127.0.0.1:${await sim.listen(0)}${SIM_BASE_PATH}`;
  deps = { config: { ...EKO_UAT, baseUrl: base, timeoutMs: 2_000 }, userCode: EKO_UAT.userCode };
});
afterAll(() => sim.close());

const call = <I, D>(operation: EkoOperation<I, D>, input: I) => callEko(operation, input, deps);
const lastSms = (to: string) => sim.sms.filter((sms) => sms.to === to).at(-1)!;

/** Get Sender, then Verify Sender OTP with the OTP the simulator "texted". */
async function verified(mobile: string) {
  const sender = await call(getSender, { customerMobile: mobile });
  if (sender.kind !== "ok") throw new Error(`get-sender: ${sender.kind}`);
  const { otp } = lastSms(mobile);
  return call(verifySenderOtp, { customerMobile: mobile, otp, otpRefId: sender.data.otp_ref_id, intentId: "19", clientRefId: newClientRefId() });
}

describe("the simulator serves PPI Levin's operations, with state", () => {
  it("Get Sender: 308 for a customer who is not enrolled; else a verification OTP, texted and readable", async () => {
    expect(await call(getSender, { customerMobile: "6333333333" })).toMatchObject({ kind: "rejected", codes: { status: 308 } });
    const enrolled = await call(getSender, { customerMobile: "6111111111" });
    expect(enrolled).toMatchObject({ kind: "ok", data: { intent_id: 19 } });
    expect(lastSms("6111111111")).toMatchObject({ purpose: "sender", otp: expect.stringMatching(/^\d{6}$/) });
    const control = (await (await fetch(`${deps.config.baseUrl.replace(SIM_BASE_PATH, "")}/__sim/sms?customer_id=6111111111`)).json()) as unknown[];
    expect(control.at(-1)).toMatchObject({ to: "6111111111", purpose: "sender" });
  });

  it("Verify Sender OTP: a wrong OTP is refused, the right one gives the profile and a wallet token once", async () => {
    const sender = await call(getSender, { customerMobile: "9876500001" });
    if (sender.kind !== "ok") throw new Error("get-sender");
    const attempt = (otp: string) =>
      call(verifySenderOtp, { customerMobile: "9876500001", otp, otpRefId: sender.data.otp_ref_id, intentId: "19", clientRefId: newClientRefId() });
    const right = lastSms("9876500001").otp;
    expect(await attempt(right === "111111" ? "222222" : "111111")).toMatchObject({ kind: "rejected", codes: { status: 2138 } });
    const ok = await attempt(right);
    expect(ok).toMatchObject({ kind: "ok", data: { customer_profile: { total_monthly_limit: 50000, next_allowed_limit: 50000 } } });
    expect(ok.kind === "ok" && ok.data.wallet_token.split(".")).toHaveLength(3);
    expect(await attempt(right)).toMatchObject({ kind: "rejected", codes: { status: 2138 } });
  });

  it("KYC states: Aadhaar pending (2136) and PAN required (2147)", async () => {
    expect(await verified("6444444444")).toMatchObject({ kind: "rejected", codes: { responseTypeId: 2136 } });
    expect(await verified("6555555555")).toMatchObject({ kind: "rejected", codes: { responseTypeId: 2147 } });
  });

  it("recipients: none yet, a bad IFSC refused by field, then added, given a beneficiary id, and listed", async () => {
    const mobile = "6222222222";
    expect(await call(getRecipients, { customerMobile: mobile })).toMatchObject({ kind: "ok", data: { recipient_list: [] } });
    const fields = { customerMobile: mobile, clientRefId: newClientRefId(), bankId: 12, name: "Aditya Rao", mobile: "9775597777", account: "123456789012", accountType: "1" as const };
    expect(await call(addRecipient, { ...fields, ifsc: "KKBK878" })).toMatchObject({ kind: "rejected", codes: { status: 461 }, invalidParams: { ifsc: "Invalid IFSC" } });
    const added = await call(addRecipient, { ...fields, ifsc: "KKBK0000878" });
    if (added.kind !== "ok") throw new Error("add-recipient");
    const session = await verified(mobile);
    if (session.kind !== "ok") throw new Error("verify");
    const recipientId = added.data.recipient_id;
    expect(await call(addRecipientBank, { customerMobile: mobile, recipientId, walletToken: "not-a-token", clientRefId: newClientRefId() })).toMatchObject({ kind: "rejected" });
    const bank = await call(addRecipientBank, { customerMobile: mobile, recipientId, walletToken: session.data.wallet_token, clientRefId: newClientRefId() });
    expect(bank).toMatchObject({ kind: "ok", data: { beneficiary_id: expect.stringMatching(/^\d+$/) } });
    const listed = await call(getRecipients, { customerMobile: mobile });
    expect(listed).toMatchObject({ kind: "ok", data: { recipient_list: [{ recipient_id: recipientId, bank: "Kotak Mahindra Bank", account: "12XXXXXX9012" }] } });
  });

  it("the customer with 49,000 of 50,000 used: 1,000 left in the profile and before PAN", async () => {
    const session = await verified("6666666666");
    expect(session).toMatchObject({ kind: "ok", data: { next_allowed_limit: 1000, customer_profile: { total_monthly_limit: 50000, next_allowed_limit: 1000 } } });
    expect(session.kind === "ok" && session.data.customer_profile.chart?.[0]?.data).toEqual({ unavailable: 0, used: 49000, remaining: 1000 });
    const listed = await call(getRecipients, { customerMobile: "6666666666" });
    expect(listed).toMatchObject({ kind: "ok", data: { remaining_limit_before_pan_required: 1000 } });
    expect(listed.kind === "ok" && listed.data.recipient_list.length).toBeGreaterThan(0);
  });

  it("a sender OTP is printed in demo mode (printSms)", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const demo = createEkoSimulator({ ...EKO_UAT, slowMs: 1_000, control: false, printSms: true });
    try {
      const base = `http://127.0.0.1:${await demo.listen(0)}${SIM_BASE_PATH}`;
      expect(await callEko(getSender, { customerMobile: "6111111111" }, { ...deps, config: { ...deps.config, baseUrl: base } })).toMatchObject({ kind: "ok" });
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`${demo.sms.at(-1)!.otp} is your sender OTP`));
    } finally {
      log.mockRestore();
      await demo.close();
    }
  });

  it("a transfer takes the OTP texted for it, only for the same amount and recipient, once; inquiry finds it both ways", async () => {
    const mobile = "9876500002";
    const clientRefId = newClientRefId();
    const sent = await call(sendTransactionOtp, { clientRefId: newClientRefId(), recipientId: 10017740, amount: 1500, customerMobile: mobile });
    if (sent.kind !== "ok") throw new Error("send-otp");
    const { otp } = lastSms(mobile);
    const transfer = (change: { otp?: string; amount?: number; clientRefId?: string } = {}) =>
      call(initiateTransaction, {
        clientRefId: change.clientRefId ?? newClientRefId(),
        recipientId: 10017740,
        amount: change.amount ?? 1500,
        customerMobile: mobile,
        otp: change.otp ?? otp,
        otpRefId: sent.data.otp_ref_id,
        channel: 0,
        latlong: "28.63,77.22",
        timestamp: new Date().toISOString(),
      });
    expect(await transfer({ otp: otp === "111111" ? "222222" : "111111" })).toMatchObject({ kind: "rejected", codes: { status: 302 } });
    expect(await transfer({ amount: 1600 })).toMatchObject({ kind: "rejected", codes: { status: 461 } });
    const done = await transfer({ clientRefId });
    expect(done).toMatchObject({ kind: "ok", data: { tx_status: 0, fee: 4, collectable_amount: 1504 } });
    expect(await transfer()).toMatchObject({ kind: "rejected", codes: { status: 302 } });

    const tid = done.kind === "ok" ? String(done.data.tid) : "";
    expect(await call(transactionInquiry, { tid })).toMatchObject({ kind: "ok", data: { tx_status: 0, tid } });
    expect(await call(transactionInquiry, { clientRefId })).toMatchObject({ kind: "ok", data: { tx_status: 0, tid, client_ref_id: clientRefId } });
    expect(await call(transactionInquiry, { clientRefId: newClientRefId() })).toMatchObject({ kind: "rejected" });
    // A successful transfer is not refund pending: no refund OTP.
    expect(await call(getRefundOtp, { tid })).toMatchObject({ kind: "rejected" });
  });

  it("checks the signature of every operation as Eko does", async () => {
    const wrong = { ...deps, config: { ...deps.config, accessKey: "not-the-key" } };
    expect(await callEko(getRecipients, { customerMobile: "6111111111" }, wrong)).toMatchObject({ kind: "failed", reason: "auth", httpStatus: 403 });
    expect(sim.received.at(-1)?.verdict).toMatch(/^403: /);
  });

  it("an OTP older than ten minutes is expired (303)", async () => {
    let clock = Date.parse("2026-12-03T10:00:00Z");
    const timed = createEkoSimulator({ ...EKO_UAT, slowMs: 1_000, control: true, now: () => clock });
    const base = `http://127.0.0.1:${await timed.listen(0)}${SIM_BASE_PATH}`;
    const at = { ...deps, config: { ...deps.config, baseUrl: base }, now: () => clock };
    try {
      const sent = await callEko(sendTransactionOtp, { clientRefId: newClientRefId(), recipientId: 10017740, amount: 900, customerMobile: "9876500003" }, at);
      if (sent.kind !== "ok") throw new Error("send-otp");
      clock += 10 * 60 * 1000 + 1;
      const transfer = await callEko(
        initiateTransaction,
        {
          clientRefId: newClientRefId(),
          recipientId: 10017740,
          amount: 900,
          customerMobile: "9876500003",
          otp: timed.sms.at(-1)!.otp,
          otpRefId: sent.data.otp_ref_id,
          channel: 0,
          latlong: "28.63,77.22",
          timestamp: new Date(clock).toISOString(),
        },
        at,
      );
      expect(transfer).toMatchObject({ kind: "rejected", codes: { status: 303 } });
    } finally {
      await timed.close();
    }
  });

  it("a slow fault does the transfer and answers late: the client times out, and inquiry finds it done", async () => {
    const mobile = "9876500004";
    const sent = await call(sendTransactionOtp, { clientRefId: newClientRefId(), recipientId: 10017740, amount: 700, customerMobile: mobile });
    if (sent.kind !== "ok") throw new Error("send-otp");
    sim.faults.set("slow", 1, mobile);
    const clientRefId = newClientRefId();
    const impatient = { ...deps, config: { ...deps.config, timeoutMs: 300 } };
    const input = { clientRefId, recipientId: 10017740, amount: 700, customerMobile: mobile, otp: lastSms(mobile).otp, otpRefId: sent.data.otp_ref_id };
    const transfer = await callEko(initiateTransaction, { ...input, channel: 0, latlong: "28.63,77.22", timestamp: new Date().toISOString() }, impatient);
    expect(transfer).toMatchObject({ kind: "unknown", reason: "timeout" });
    expect(await call(transactionInquiry, { clientRefId })).toMatchObject({ kind: "ok", data: { tx_status: 0, client_ref_id: clientRefId } });
  });

  describe("transfer scenarios, chosen by recipient", () => {
    /** Send Transaction OTP to `recipientId`, then Initiate Transaction with the OTP texted for it. */
    async function transferTo(recipientId: number, mobile: string, transport = deps) {
      const sent = await call(sendTransactionOtp, { clientRefId: newClientRefId(), recipientId, amount: 900, customerMobile: mobile });
      if (sent.kind !== "ok") throw new Error("send-otp");
      const clientRefId = newClientRefId();
      const input = { clientRefId, recipientId, amount: 900, customerMobile: mobile, otp: lastSms(mobile).otp, otpRefId: sent.data.otp_ref_id };
      const outcome = await callEko(initiateTransaction, { ...input, channel: 2, latlong: "28.63,77.22", timestamp: new Date().toISOString() }, transport);
      return { outcome, clientRefId };
    }

    it("fails (1): no bank reference, and inquiry says the same", async () => {
      const { outcome, clientRefId } = await transferTo(10017741, "9876500011");
      expect(outcome).toMatchObject({ kind: "ok", data: { tx_status: 1, txstatus_desc: "Failed", bank_ref_num: "" } });
      expect(await call(transactionInquiry, { clientRefId })).toMatchObject({ kind: "ok", data: { tx_status: 1 } });
    });

    it("NEFT awaited (2): inquiry says awaited twice, then success with a bank reference", async () => {
      const { outcome, clientRefId } = await transferTo(10017742, "9876500012");
      expect(outcome).toMatchObject({ kind: "ok", data: { tx_status: 2 } });
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await call(transactionInquiry, { clientRefId });
        statuses.push(answer.kind === "ok" ? answer.data.tx_status : answer.kind);
      }
      expect(statuses).toEqual([2, 2, 0]);
      expect(await call(transactionInquiry, { clientRefId })).toMatchObject({ kind: "ok", data: { tx_status: 0, bank_ref_num: expect.stringMatching(/^\d+$/) } });
    });

    it("refund pending (3): Eko texts the refund OTP by itself, and the refund goes through with it", async () => {
      const mobile = "9876500013";
      const { outcome } = await transferTo(10017743, mobile);
      expect(outcome).toMatchObject({ kind: "ok", data: { tx_status: 3, txstatus_desc: "Refund Pending" } });
      const tid = outcome.kind === "ok" ? String(outcome.data.tid) : "";
      const texted = lastSms(mobile);
      expect(texted).toMatchObject({ purpose: "refund" });
      const refund = await call(initiateRefund, { tid, otp: texted.otp, otpRefId: texted.otpRefId });
      expect(refund).toMatchObject({ kind: "ok", data: { refunded_amount: 904 } });
      expect(await call(transactionInquiry, { tid })).toMatchObject({ kind: "ok", data: { tx_status: 4 } });
    });

    it("on hold (5)", async () => {
      expect((await transferTo(10017745, "9876500015")).outcome).toMatchObject({ kind: "ok", data: { tx_status: 5, txstatus_desc: "Hold" } });
    });

    it("lost before Eko recorded it: the client times out, and inquiry finds nothing", async () => {
      const impatient = { ...deps, config: { ...deps.config, timeoutMs: 300 } };
      const { outcome, clientRefId } = await transferTo(10017749, "9876500019", impatient);
      expect(outcome).toMatchObject({ kind: "unknown", reason: "timeout" });
      expect(await call(transactionInquiry, { clientRefId })).toMatchObject({ kind: "rejected" });
    });
  });
});
