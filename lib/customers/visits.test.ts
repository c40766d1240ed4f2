import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authSessions, authUsers, customerVisits, ekoCalls, otpRequests } from "@/lib/db/schema";
import { describeEachDatabase, type TestDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { ASHA, serviceDeps, simulatedEkoForFile } from "@/lib/otp-requests/testing/service-harness";
import { testVault } from "@/lib/otp-requests/testing/ledger-rows";
import { addCustomerRecipient } from "./add-recipient";
import { customerRecipients, visitSummary } from "./recipients";
import { lookUpCustomer, verifyCustomer, type Counter } from "./service";

const eko = simulatedEkoForFile();
const NEFT_ONLY = 10065177;
let seq = 0;
const newCustomer = () => `97${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;

/** A signed-in agent: the visit is bound to this session row. */
async function signedIn(database: TestDatabase): Promise<Counter> {
  const userId = `u-${randomUUID()}`;
  const sessionId = `s-${randomUUID()}`;
  const now = new Date();
  await database.db.insert(authUsers).values({ id: userId, name: "Asha", email: `${userId}@desk.test`, emailVerified: false, createdAt: now, updatedAt: now });
  await database.db.insert(authSessions).values({ id: sessionId, token: randomUUID(), userId, expiresAt: new Date(now.getTime() + 3_600_000), createdAt: now, updatedAt: now });
  return { actor: { ...ASHA, agent: `agent-${userId}` }, sessionId };
}

const deps = (database: TestDatabase) => ({ db: database.db, config: eko.config, vault: testVault, breaker: new CircuitBreaker({ failures: 50, cooldownMs: 1_000 }), draining: () => false });

async function verified(database: TestDatabase, counter: Counter, mobile = newCustomer()) {
  const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps(database));
  if (looked.status !== "otp-sent") throw new Error(`look-up: ${looked.status}`);
  const otp = eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "sender").at(-1)!.otp;
  expect(await verifyCustomer(looked.visitId, otp, counter, deps(database))).toEqual({ status: "verified", visitId: looked.visitId });
  return { visitId: looked.visitId, mobile };
}

describeEachDatabase("a customer at the counter", (database) => {
  it("one look-up per submission, however often it arrives: one SMS, one answer", async () => {
    const counter = await signedIn(database);
    const mobile = newCustomer();
    const submissionId = randomUUID();
    const [first, second] = await Promise.all([lookUpCustomer(mobile, counter, submissionId, deps(database)), lookUpCustomer(mobile, counter, submissionId, deps(database))]);
    expect(first.status).toBe("otp-sent");
    expect(second).toEqual(first);
    expect(eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "sender")).toHaveLength(1);
  });

  it("a customer's 4th verification SMS in 15 minutes is refused before Eko, as a transaction OTP would be", async () => {
    const counter = await signedIn(database);
    const mobile = newCustomer();
    for (let i = 0; i < 3; i += 1) expect((await lookUpCustomer(mobile, counter, randomUUID(), deps(database))).status).toBe("otp-sent");
    const fourth = await lookUpCustomer(mobile, counter, randomUUID(), deps(database));
    expect(fourth).toMatchObject({ status: "limited", limit: "mobile-15m", max: 3 });
    expect(eko.sim.received.filter((r) => r.path.endsWith(`/sender/${mobile}`))).toHaveLength(3);
  });

  it("holds the wallet token sealed, for this session only, and forgets it with the session", async () => {
    const counter = await signedIn(database);
    const { visitId, mobile } = await verified(database, counter);
    const verify = eko.sim.received.find((r) => r.path.endsWith(`/sender/${mobile}/otp/verify`));
    const token = (verify?.reply?.body as { data?: { wallet_token?: string } } | undefined)?.data?.wallet_token;
    expect(token).toBeTruthy();
    const rows = JSON.stringify([await database.db.select().from(customerVisits).where(eq(customerVisits.id, visitId)), await database.db.select().from(ekoCalls)]);
    expect(rows).not.toContain(token!);
    expect(rows).not.toContain(mobile);

    const stranger = await signedIn(database);
    expect(await visitSummary(visitId, stranger.sessionId, { db: database.db })).toBeNull();
    expect((await customerRecipients(visitId, stranger, deps(database))).status).toBe("expired");

    await database.db.delete(authSessions).where(eq(authSessions.id, counter.sessionId));
    expect(await database.db.select().from(customerVisits).where(eq(customerVisits.id, visitId))).toHaveLength(0);
  });

  it("takes the customer, beneficiary and channel of a picked recipient from Eko's list, and refuses what it does not hold", async () => {
    const counter = await signedIn(database);
    const { visitId, mobile } = await verified(database, counter);
    const listed = await customerRecipients(visitId, counter, deps(database));
    expect(listed.status === "ok" && listed.recipients.map((r) => [r.recipientId, r.channels])).toEqual([
      [10018839, ["IMPS", "NEFT"]],
      [NEFT_ONLY, ["NEFT"]],
    ]);
    const context = { actor: counter.actor, submissionId: randomUUID(), sessionId: counter.sessionId };
    const send = (recipientId: number, amount: number, ctx = context) =>
      requestTransactionOtp({ recipientId, amount, customerMobile: "", visitId }, ctx, serviceDeps(database.db, eko));

    expect(await send(77777777, 500, { ...context, submissionId: randomUUID() })).toMatchObject({ status: "invalid", fieldErrors: { recipientId: "error.recipient.notInList" } });
    expect(await send(NEFT_ONLY, 50_001, { ...context, submissionId: randomUUID() })).toMatchObject({ status: "invalid", fieldErrors: { amount: "error.amount.overRemaining" } });
    const otherSession = await signedIn(database);
    expect(await send(NEFT_ONLY, 500, { ...context, submissionId: randomUUID(), sessionId: otherSession.sessionId })).toMatchObject({ formError: "error.visit.expired" });

    const sent = await send(NEFT_ONLY, 500);
    expect(sent).toMatchObject({ status: "sent", recipient: { name: "Madness", bank: "State Bank of India" } });
    const [row] = await database.db.select().from(otpRequests).where(eq(otpRequests.submissionId, context.submissionId));
    expect(row).toMatchObject({ channel: 2, recipientName: "Madness", customerMobileLast4: mobile.slice(-4) });
    const otpCall = eko.sim.received.filter((r) => r.path.endsWith("/ppi-levin/otp")).at(-1);
    expect(otpCall?.body).toMatchObject({ customer_id: mobile, recipient_id: NEFT_ONLY });
  });

  it("adds a recipient once per submission, keeps the account masked, and lists it for picking", async () => {
    const counter = await signedIn(database);
    const { visitId } = await verified(database, counter);
    const recipient = { name: "Ravi Kumar", mobile: "9812345678", account: "123456789012", ifsc: "HDFC0001234", accountType: "1" as const };
    const submissionId = randomUUID();
    const [first, second] = await Promise.all([
      addCustomerRecipient(visitId, recipient, counter, submissionId, deps(database)),
      addCustomerRecipient(visitId, recipient, counter, submissionId, deps(database)),
    ]);
    expect(first).toMatchObject({ status: "added", recipient: { name: "Ravi Kumar", accountMasked: "••••9012", bank: "HDFC Bank" } });
    expect(second).toEqual(first);
    expect(eko.sim.received.filter((r) => /\/sender\/\d+\/recipient$/.test(r.path))).toHaveLength(1);
    expect(JSON.stringify([await database.db.select().from(ekoCalls), await database.db.select().from(customerVisits)])).not.toContain("123456789012");

    const again = await addCustomerRecipient(visitId, recipient, counter, randomUUID(), deps(database));
    expect(again).toMatchObject({ status: "rejected", eko: { status: 342 } });
  });
});
