import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { otpRequests } from "@/lib/db/schema";
import type { TestDatabase } from "@/lib/db/testing/test-databases";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { serviceDeps, simulatedEkoForFile } from "@/lib/otp-requests/testing/service-harness";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { initiateTransfer } from "@/lib/transfers/service";
import { choiceOf, customerForForm, customerRecipients } from "./recipients";
import type { Counter } from "./service";
import { customerDeps, newSession, signedIn, verifiedCustomer } from "./testing/visit-harness";

const eko = simulatedEkoForFile();
/** Eko's published sample recipients, which every enrolled simulator customer has. */
const ADITYA = 10018839;
const MADNESS = 10065177;
const OTP_PATH = "/customer/payment/ppi-levin/otp";

/** A transaction OTP asked for one of the visit's recipients, the way the form sends it: no mobile, no beneficiary. */
function sendOtpFor(database: TestDatabase, counter: Counter, visitId: string, recipientId: number, amount = 500, sessionId = counter.sessionId) {
  const input = { recipientId, amount, customerMobile: "", visitId };
  return requestTransactionOtp(input, { actor: counter.actor, submissionId: randomUUID(), sessionId }, serviceDeps(database.db, eko));
}
const otpCalls = () => eko.sim.received.filter((r) => r.path.endsWith(OTP_PATH));

describe("a recipient as the agent picks it", () => {
  it("never shows a full account number, even one Eko sent unmasked", () => {
    const full = { recipient_id: 1, recipient_name: " Asha ", bank: "HDFC Bank", account: "50100123456789", ifsc: "HDFC0001234", channel: 0 };
    expect(choiceOf(full as Parameters<typeof choiceOf>[0])).toMatchObject({ name: "Asha", accountMasked: "••••6789", channels: ["IMPS", "NEFT"] });
  });
});

describeEachDatabase("the verified customer's recipients", (database) => {
  it("lists Eko's recipients with masked accounts and their channels, this agent's recent choice first", async () => {
    const counter = await signedIn(database.db);
    const { visitId, mobile } = await verifiedCustomer(database, eko, counter);
    const deps = customerDeps(database, eko);
    const listed = await customerRecipients(visitId, counter, deps);
    expect(listed).toEqual({
      status: "ok",
      panRequiredFrom: 50_000,
      recipients: [
        {
          recipientId: ADITYA,
          beneficiaryId: "40378",
          name: "Aditya",
          bank: "Kotak Mahindra Bank",
          accountMasked: "1XXXXXX90657",
          ifsc: "KKBK0000878",
          channel: 0,
          channels: ["IMPS", "NEFT"],
          verified: false,
          recent: false,
        },
        expect.objectContaining({ recipientId: MADNESS, name: "Madness", bank: "State Bank of India", accountMasked: "43XXXXXXXXX45", channel: 2, channels: ["NEFT"], recent: false }),
      ],
    });
    expect(await sendOtpFor(database, counter, visitId, MADNESS)).toMatchObject({ status: "sent" });
    const again = await customerRecipients(visitId, counter, deps);
    expect(again.status === "ok" && again.recipients.map((r) => [r.recipientId, r.recent])).toEqual([
      [MADNESS, true],
      [ADITYA, false],
    ]);
    // Another agent serving the same customer sees Eko's order: recent choices are each agent's own.
    const colleague = await signedIn(database.db);
    const theirs = await verifiedCustomer(database, eko, colleague, mobile);
    const listedToThem = await customerRecipients(theirs.visitId, colleague, deps);
    expect(listedToThem.status === "ok" && listedToThem.recipients.map((r) => [r.recipientId, r.recent])).toEqual([
      [ADITYA, false],
      [MADNESS, false],
    ]);
  });

  it("shows the customer's card with what is left of their month", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter, "6666666666");
    const page = await customerForForm(visitId, counter, MADNESS, customerDeps(database, eko));
    expect(page).toMatchObject({
      status: "ok",
      card: { name: "Test customer 6666", mobileMasked: "••••••6666", monthlyLimit: 50_000, used: 49_000, remaining: 1_000 },
      customer: { visitId, mobileMasked: "••••••6666", picked: MADNESS, remaining: 1_000 },
    });
  });
});

describeEachDatabase("a transaction OTP for a picked recipient", (database) => {
  it("refuses a recipient not in the customer's list, and a visit of another sign-in, without calling Eko", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter);
    await customerRecipients(visitId, counter, customerDeps(database, eko));
    expect(await sendOtpFor(database, counter, visitId, 10017740)).toEqual({
      status: "invalid",
      fieldErrors: { recipientId: "error.recipient.notInList" },
      formError: null,
    });
    const otherSession = await newSession(database.db, counter.actor.agentId!);
    expect(await sendOtpFor(database, counter, visitId, ADITYA, 500, otherSession)).toEqual({ status: "invalid", fieldErrors: {}, formError: "error.visit.expired" });
    expect(otpCalls()).toHaveLength(0);
  });

  it("refuses more than the customer has left this month, and takes exactly that much", async () => {
    const counter = await signedIn(database.db);
    const { visitId } = await verifiedCustomer(database, eko, counter, "6666666666");
    await customerRecipients(visitId, counter, customerDeps(database, eko));
    expect(await sendOtpFor(database, counter, visitId, ADITYA, 1_500)).toEqual({
      status: "invalid",
      fieldErrors: { amount: "error.amount.overRemaining" },
      formError: null,
    });
    expect(otpCalls()).toHaveLength(0);
    expect(await sendOtpFor(database, counter, visitId, ADITYA, 1_000)).toMatchObject({ status: "sent", amount: 1_000 });
    expect(otpCalls()[0]?.body).toMatchObject({ customer_id: "6666666666", recipient_id: ADITYA, beneficiary_id: "40378", amount: 1_000 });
  });

  it("sends a NEFT-only recipient's OTP and transfer by NEFT, naming the recipient instead of bare IDs", async () => {
    const counter = await signedIn(database.db);
    const { visitId, mobile } = await verifiedCustomer(database, eko, counter);
    await customerRecipients(visitId, counter, customerDeps(database, eko));
    const sent = await sendOtpFor(database, counter, visitId, MADNESS);
    expect(sent).toMatchObject({
      status: "sent",
      recipientId: MADNESS,
      maskedMobile: `••••••${mobile.slice(-4)}`,
      recipient: { name: "Madness", bank: "State Bank of India", accountMasked: "43XXXXXXXXX45" },
    });
    if (sent.status !== "sent") return;
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.clientRefId, sent.clientRefId));
    expect(row).toMatchObject({
      customerMobileHash: testVault.hash(mobile),
      recipientId: MADNESS,
      beneficiaryId: null,
      channel: 2,
      recipientName: "Madness",
      recipientBank: "State Bank of India",
      recipientAccountMasked: "43XXXXXXXXX45",
    });
    const otp = eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "transaction").at(-1)!.otp;
    const actor = { ...counter.actor, shopLatlong: "28.6139,77.209" };
    const transfer = await initiateTransfer({ otpRequestRef: sent.clientRefId, otp, submissionId: randomUUID() }, actor, customerDeps(database, eko));
    expect(transfer).toMatchObject({ status: "transfer", transfer: { state: "success", recipientId: MADNESS, amount: 500 } });
    const initiate = eko.sim.received.filter((r) => r.path.endsWith("/customer/payment/ppi-levin"));
    expect(initiate).toHaveLength(1);
    expect(initiate[0]?.body).toMatchObject({ channel: 2, recipient_id: MADNESS, customer_id: mobile, amount: 500 });

    // The card and the amount check count the transfer just made: the month's room is Eko's figure less it.
    const after = await customerForForm(visitId, counter, null, customerDeps(database, eko));
    expect(after.card).toMatchObject({ remaining: 49_500, used: 500 });
    expect(await sendOtpFor(database, counter, visitId, ADITYA, 49_600)).toMatchObject({ status: "invalid", fieldErrors: { amount: "error.amount.overRemaining" } });
  });
});
