import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { REFUSED_AADHAAR, REFUSED_PAN } from "@/lib/eko-sim/enrolment";
import { i18nFor } from "@/lib/i18n/dictionaries";
import { simulatedEkoForFile, type SimulatedEko } from "@/lib/otp-requests/testing/service-harness";
import { enrolCustomer, validateAadhaar, validatePan, verifyAadhaar } from "./enrolment";
import { describeKyc } from "./enrolment-message";
import type { NewCustomer } from "./enrolment-form";
import { customerRecipients, visitSummary } from "./recipients";
import { lookUpCustomer, verifyCustomer, type Counter, type CustomerDeps } from "./service";
import { customerDeps, newSession, newUnenrolledCustomer, senderOtp, signedIn, visitRow } from "./testing/visit-harness";

const eko = simulatedEkoForFile();
const ASHA: NewCustomer = { name: "Asha Rao", dob: "1990-05-15", street: "12 Station Road", city: "Pune", state: "Maharashtra", pincode: "411001" };
const AADHAAR = "234567890123";
const calls = (suffix: string) => eko.sim.received.filter((r) => r.method === "POST" && r.path.endsWith(suffix));
const aadhaarOtp = (sim: SimulatedEko, mobile: string) => sim.sim.sms.filter((s) => s.to === mobile && s.purpose === "aadhaar").at(-1)!.otp;
const en = i18nFor("en");

/** A new customer looked up at this counter: their visit, waiting for their details. */
async function notEnrolled(counter: Counter, deps: CustomerDeps) {
  const mobile = newUnenrolledCustomer();
  const looked = await lookUpCustomer(mobile, counter, randomUUID(), deps);
  if (looked.status !== "not-enrolled") throw new Error(looked.status);
  return { mobile, visitId: looked.visitId };
}

/** Enrolled and verified with the sender OTP: Eko now wants their Aadhaar. */
async function atAadhaar(counter: Counter, deps: CustomerDeps) {
  const { mobile, visitId } = await notEnrolled(counter, deps);
  expect(await enrolCustomer(visitId, ASHA, counter, randomUUID(), deps)).toEqual({ status: "otp-sent", visitId });
  expect(await verifyCustomer(visitId, senderOtp(eko, mobile), counter, deps)).toMatchObject({ status: "kyc-pending", step: "aadhaar" });
  return { mobile, visitId };
}

async function atPan(counter: Counter, deps: CustomerDeps) {
  const { mobile, visitId } = await atAadhaar(counter, deps);
  expect(await validateAadhaar(visitId, AADHAAR, counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
  expect(await verifyAadhaar(visitId, aadhaarOtp(eko, mobile), counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
  expect((await visitRow(deps.db as NonNullable<CustomerDeps["db"]>, visitId))?.state).toBe("pan-required");
  return { mobile, visitId };
}

describeEachDatabase("enrolling a new customer", (database) => {
  it("enrols, verifies, takes Aadhaar, its OTP and PAN, and opens the card with the higher limit", async () => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { mobile, visitId } = await atAadhaar(counter, deps);
    expect(calls(`/sender/${mobile}`)[0]?.body).toMatchObject({
      name: "Asha Rao",
      dob: "1990-05-15",
      residence_address: ["12 Station Road", "Pune", "Maharashtra", "411001"],
    });
    expect((await visitRow(database.db, visitId))?.state).toBe("aadhaar-required");

    expect(await validateAadhaar(visitId, AADHAAR, counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
    expect(await visitSummary(visitId, counter.sessionId, deps)).toMatchObject({
      state: "aadhaar-otp-sent",
      note: { status: "aadhaar-otp-sent", mobileHint: `******${mobile.slice(-4)}` },
    });
    const wrong = await verifyAadhaar(visitId, "000000", counter, randomUUID(), deps);
    expect(wrong).toMatchObject({ status: "wrong-otp", eko: { responseStatusId: 302 } });
    expect(describeKyc(wrong, en).title).toMatch(/wrong/);
    expect(await verifyAadhaar(visitId, aadhaarOtp(eko, mobile), counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
    expect((await visitRow(database.db, visitId))?.state).toBe("pan-required");

    expect(await validatePan(visitId, "ABCDE1234F", counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
    const row = await visitRow(database.db, visitId);
    expect(row?.state).toBe("verified");
    expect(row?.walletTokenSealed).toBeTruthy();
    expect(row?.profile).toMatchObject({ name: "Asha Rao", monthlyLimit: 50_000, remaining: 50_000 });
    expect(await customerRecipients(visitId, counter, deps)).toMatchObject({ status: "ok", recipients: [] });
  });

  it("says each refusal on its step: Eko's field errors, a refused Aadhaar, a bad or refused PAN", async () => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { visitId: newVisit } = await notEnrolled(counter, deps);
    const badAddress = await enrolCustomer(newVisit, { ...ASHA, pincode: "011000" }, counter, randomUUID(), deps);
    expect(badAddress).toMatchObject({ status: "rejected", eko: { status: 461 }, fieldErrors: { street: expect.any(String) } });

    const { visitId } = await atAadhaar(counter, deps);
    const short = await validateAadhaar(visitId, "12345", counter, randomUUID(), deps);
    expect(short).toMatchObject({ status: "rejected", step: "aadhaar", fieldErrors: { aadhaar: expect.any(String) } });
    const refused = await validateAadhaar(visitId, REFUSED_AADHAAR, counter, randomUUID(), deps);
    expect(refused).toMatchObject({ status: "rejected", step: "aadhaar", eko: { message: "Aadhaar validation failed" } });
    expect(describeKyc(refused, en).title).toBe("Eko could not validate this Aadhaar number.");
    expect((await visitRow(database.db, visitId))?.state).toBe("aadhaar-required");

    const { visitId: panVisit } = await atPan(counter, deps);
    expect(await validatePan(panVisit, "ABCDE12345", counter, randomUUID(), deps)).toMatchObject({
      status: "rejected",
      step: "pan",
      fieldErrors: { pan: expect.any(String) },
    });
    const panRefused = await validatePan(panVisit, REFUSED_PAN, counter, randomUUID(), deps);
    expect(describeKyc(panRefused, en).title).toBe("Eko did not accept this PAN.");
    expect((await visitRow(database.db, panVisit))?.state).toBe("pan-required");
  });

  it("a customer Eko already approved (585) is sent to a fresh verification, which opens their card", async () => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { mobile, visitId } = await atPan(counter, deps);
    // The same customer at a second visit, at the PAN step too (Get Sender's OTP, then Eko's 2147).
    const second = await lookUpCustomer(mobile, counter, randomUUID(), deps);
    if (second.status !== "otp-sent") throw new Error(second.status);
    expect(await verifyCustomer(second.visitId, senderOtp(eko, mobile), counter, deps)).toMatchObject({ status: "kyc-pending", step: "pan" });
    expect(await validatePan(visitId, "ABCDE1234F", counter, randomUUID(), deps)).toEqual({ status: "next", visitId });
    expect(await validatePan(second.visitId, "ABCDE1234F", counter, randomUUID(), deps)).toEqual({ status: "next", visitId: second.visitId });
    expect(await visitSummary(second.visitId, counter.sessionId, deps)).toMatchObject({
      state: "ended",
      note: { status: "verify-again", reason: "already-approved" },
    });
  });

  it("makes one Eko call per submission, whatever repeats arrive together; each is shown the first answer", async () => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { mobile, visitId } = await notEnrolled(counter, deps);
    const enrolId = randomUUID();
    const enrolled = await Promise.all([1, 2, 3].map(() => enrolCustomer(visitId, ASHA, counter, enrolId, deps)));
    expect(enrolled).toEqual(Array(3).fill({ status: "otp-sent", visitId }));
    expect(calls(`/sender/${mobile}`)).toHaveLength(1);
    await verifyCustomer(visitId, senderOtp(eko, mobile), counter, deps);

    const aadhaarId = randomUUID();
    const sent = await Promise.all([1, 2, 3].map(() => validateAadhaar(visitId, AADHAAR, counter, aadhaarId, deps)));
    expect(sent).toEqual(Array(3).fill({ status: "next", visitId }));
    expect(calls("/aadhaar/otp")).toHaveLength(1);
    const otpId = randomUUID();
    const otp = aadhaarOtp(eko, mobile);
    await Promise.all([1, 2].map(() => verifyAadhaar(visitId, otp, counter, otpId, deps)));
    expect(calls("/aadhaar/otp/verify")).toHaveLength(1);
    const panId = randomUUID();
    const pans = await Promise.all([1, 2].map(() => validatePan(visitId, "ABCDE1234F", counter, panId, deps)));
    expect(pans).toEqual([
      { status: "next", visitId },
      { status: "next", visitId },
    ]);
    expect(calls("/pan")).toHaveLength(1);
  });

  it("keeps a visit to its own sign-in: another session cannot enrol or take KYC for it, and Eko is not called", async () => {
    const counter = await signedIn(database.db);
    const deps = customerDeps(database, eko);
    const { mobile, visitId } = await notEnrolled(counter, deps);
    const other = { ...counter, sessionId: await newSession(database.db, counter.actor.agentId!) };
    const stranger = await signedIn(database.db);
    for (const who of [other, stranger]) expect(await enrolCustomer(visitId, ASHA, who, randomUUID(), deps)).toEqual({ status: "expired" });
    expect(calls(`/sender/${mobile}`)).toHaveLength(0);
    await enrolCustomer(visitId, ASHA, counter, randomUUID(), deps);
    await verifyCustomer(visitId, senderOtp(eko, mobile), counter, deps);
    expect(await validateAadhaar(visitId, AADHAAR, stranger, randomUUID(), deps)).toEqual({ status: "expired" });
    expect(await validatePan(visitId, "ABCDE1234F", other, randomUUID(), deps)).toEqual({ status: "expired" });
    expect(calls("/aadhaar/otp")).toHaveLength(0);
    // A step out of turn is refused too: no PAN before Aadhaar at this desk.
    expect(await validatePan(visitId, "ABCDE1234F", counter, randomUUID(), deps)).toEqual({ status: "expired" });
  });
});
