import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { authSessions } from "@/lib/db/auth-schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { getLimitSettings } from "@/lib/otp-requests/limit-settings";
import { simulatedEkoForFile } from "@/lib/otp-requests/testing/service-harness";
import { customerRecipients, visitSummary } from "./recipients";
import { lookUpAgain, lookUpCustomer, verifyCustomer } from "./service";
import { customerDeps, newCustomer, newSession, senderOtp, signedIn, storedText, verifiedCustomer, visitRow } from "./testing/visit-harness";

const eko = simulatedEkoForFile();
const SENDER = /\/ppi-levin\/sender\/\d+$/;
const getSenderCalls = () => eko.sim.received.filter((r) => r.method === "GET" && SENDER.test(r.path));
const senderSms = (mobile: string) => eko.sim.sms.filter((s) => s.to === mobile && s.purpose === "sender");
/** The wallet token the simulator issued in its last Verify Sender OTP answer. */
function issuedWalletToken(): string {
  const verify = eko.sim.received.filter((r) => r.path.endsWith("/otp/verify")).at(-1);
  const token = (verify?.reply?.body as { data?: { wallet_token?: string } } | undefined)?.data?.wallet_token;
  if (!token) throw new Error("The simulator issued no wallet token");
  return token;
}

describeEachDatabase("looking a customer up by mobile", (database) => {
  it("texts an enrolled customer one verification OTP and opens their visit", async () => {
    const counter = await signedIn(database.db);
    const mobile = newCustomer();
    const result = await lookUpCustomer(mobile, counter, randomUUID(), customerDeps(database, eko));
    expect(result).toEqual({ status: "otp-sent", visitId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), mobileMasked: `••••••${mobile.slice(-4)}` });
    expect(senderSms(mobile)).toHaveLength(1);
    expect(getSenderCalls()).toHaveLength(1);
  });

  it("turns a double click into one Get Sender call (one SMS), both shown the same answer", async () => {
    const counter = await signedIn(database.db);
    const mobile = newCustomer();
    const submissionId = randomUUID();
    const deps = customerDeps(database, eko);
    const [first, second] = await Promise.all([
      lookUpCustomer(mobile, counter, submissionId, deps),
      lookUpCustomer(mobile, counter, submissionId, deps),
    ]);
    expect(first.status).toBe("otp-sent");
    expect(second).toEqual(first);
    expect(getSenderCalls()).toHaveLength(1);
    expect(senderSms(mobile)).toHaveLength(1);
  });

  it("says a customer is not enrolled, and texts them nothing", async () => {
    const counter = await signedIn(database.db);
    const result = await lookUpCustomer("6333333333", counter, randomUUID(), customerDeps(database, eko));
    expect(result).toEqual({ status: "not-enrolled", visitId: expect.any(String), mobileMasked: "••••••3333" });
    expect(senderSms("6333333333")).toHaveLength(0);
  });

  it("stops looking a mobile up once its 15-minute window is full, without calling Eko, until the window frees up", async () => {
    const { mobilePer15Min: max } = getLimitSettings();
    const mobile = newCustomer();
    const start = new Date();
    const at = (minutes: number) => customerDeps(database, eko, { now: () => new Date(start.getTime() + minutes * 60_000) });
    // Different agents: the limit is the customer's (their phone), not one agent's.
    const answers = [];
    const counter = await signedIn(database.db);
    const submissions = Array.from({ length: max }, () => randomUUID());
    for (const [i, submissionId] of submissions.entries())
      answers.push(await lookUpCustomer(mobile, i === max - 1 ? counter : await signedIn(database.db), submissionId, at(i)));
    expect(answers.map((a) => a.status)).toEqual(Array(max).fill("otp-sent"));
    // The look-up that filled the window, sent again (a retry, a double click): its own SMS, not the limit it filled.
    expect(await lookUpCustomer(mobile, counter, submissions.at(-1)!, at(max))).toEqual(answers.at(-1));
    const next = { counter: await signedIn(database.db), submissionId: randomUUID() };
    const limited = await lookUpCustomer(mobile, next.counter, next.submissionId, at(14));
    expect(limited).toEqual({ status: "limited", limit: "mobile-15m", max, retryAt: new Date(start.getTime() + 15 * 60_000).toISOString() });
    // A refused look-up sent again stays refused, even once the window has moved on: one submission, one answer.
    expect(await lookUpCustomer(mobile, next.counter, next.submissionId, at(16))).toEqual(limited);
    expect(getSenderCalls()).toHaveLength(max);
    expect(senderSms(mobile)).toHaveLength(max);
    const later = await lookUpCustomer(mobile, next.counter, randomUUID(), at(16));
    expect(later.status).toBe("otp-sent");
  });
});

describeEachDatabase("verifying the customer with their OTP", (database) => {
  it("lets the agent type a wrong OTP again: the visit is still verified with the right one", async () => {
    const counter = await signedIn(database.db);
    const mobile = newCustomer();
    const deps = customerDeps(database, eko);
    const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
    if (looked.status !== "otp-sent") throw new Error(looked.status);
    const otp = senderOtp(eko, mobile);
    const wrong = await verifyCustomer(looked.visitId, otp === "111111" ? "222222" : "111111", counter, deps);
    expect(wrong).toMatchObject({ status: "wrong-otp", eko: { status: 2138 } });
    expect(await verifyCustomer(looked.visitId, otp, counter, deps)).toEqual({ status: "verified", visitId: looked.visitId });
  });

  it.each([
    ["6444444444", "aadhaar"],
    ["6555555555", "pan"],
  ])("sends customer %s to finish KYC (%s) first", async (mobile, step) => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
    if (looked.status !== "otp-sent") throw new Error(looked.status);
    expect(await verifyCustomer(looked.visitId, senderOtp(eko, mobile), counter, deps)).toMatchObject({ status: "kyc-pending", step });
    expect(await customerRecipients(looked.visitId, counter, deps)).toEqual({ status: "expired" });
  });

  it("keeps the wallet token on the server, sealed: in no answer, no log line, no visit row as text, no Eko call row", async () => {
    const logs = (["log", "warn", "error"] as const).map((level) => vi.spyOn(console, level));
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { visitId, mobile } = await verifiedCustomer(database, eko, counter);
    const token = issuedWalletToken();
    const signature = token.split(".")[2]!;
    const answers = JSON.stringify([
      await verifyCustomer(visitId, senderOtp(eko, mobile), counter, deps),
      await customerRecipients(visitId, counter, deps),
      await visitSummary(visitId, counter.sessionId, deps),
    ]);
    const row = await visitRow(database.db, visitId);
    expect(row?.state).toBe("verified");
    expect(row?.walletTokenSealed).toBeTruthy();
    const logged = JSON.stringify(logs.map((spy) => spy.mock.calls));
    logs.forEach((spy) => spy.mockRestore());
    expect(logged).toContain("verify-sender-otp");
    for (const text of [answers, logged, await storedText(database.db)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(signature);
    }
  });

  it("keeps a visit to its own sign-in: another session cannot verify or read it, and signing out deletes it", async () => {
    const counter = await signedIn(database.db);
    const mobile = newCustomer();
    const deps = customerDeps(database, eko);
    const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
    if (looked.status !== "otp-sent") throw new Error(looked.status);
    const other = { ...counter, sessionId: await newSession(database.db, counter.actor.agentId!) };
    expect(await verifyCustomer(looked.visitId, senderOtp(eko, mobile), other, deps)).toEqual({ status: "expired" });
    expect(eko.sim.received.filter((r) => r.path.endsWith("/otp/verify"))).toHaveLength(0);
    expect(await verifyCustomer(looked.visitId, senderOtp(eko, mobile), counter, deps)).toMatchObject({ status: "verified" });
    expect(await visitSummary(looked.visitId, other.sessionId, deps)).toBeNull();
    expect(await customerRecipients(looked.visitId, other, deps)).toEqual({ status: "expired" });
    await database.db.delete(authSessions).where(eq(authSessions.id, counter.sessionId));
    expect(await visitRow(database.db, looked.visitId)).toBeUndefined();
  });

  it("looks the same customer up again from their visit (a new SMS), for this sign-in only", async () => {
    const counter = await signedIn(database.db);
    const mobile = newCustomer();
    const deps = customerDeps(database, eko);
    const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
    if (looked.status !== "otp-sent") throw new Error(looked.status);
    const stranger = await signedIn(database.db);
    expect(await lookUpAgain(looked.visitId, stranger, randomUUID(), deps)).toEqual({ status: "expired" });
    const again = await lookUpAgain(looked.visitId, counter, randomUUID(), deps);
    expect(again).toMatchObject({ status: "otp-sent", mobileMasked: looked.mobileMasked });
    expect(again.status === "otp-sent" && again.visitId).not.toBe(looked.visitId);
    expect(senderSms(mobile)).toHaveLength(2);
    if (again.status !== "otp-sent") return;
    expect(await verifyCustomer(again.visitId, senderOtp(eko, mobile), counter, deps)).toEqual({ status: "verified", visitId: again.visitId });
  });
});
