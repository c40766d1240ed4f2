import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { validateAadhaar, verifyAadhaarOtp } from "@/lib/eko/operations/aadhaar";
import { getSender } from "@/lib/eko/operations/get-sender";
import { onboardSender } from "@/lib/eko/operations/onboard-sender";
import { validatePan } from "@/lib/eko/operations/validate-pan";
import { verifySenderOtp } from "@/lib/eko/operations/verify-sender-otp";
import { callEko, type TransportDeps } from "@/lib/eko/transport";
import { REFUSED_AADHAAR, REFUSED_PAN } from "./enrolment";
import { LIMIT_BEFORE_PAN, LIMIT_WITH_PAN } from "./ppi-levin-state";
import { createEkoSimulator, SIM_BASE_PATH, type Simulator } from "./server";
import EKO_UAT from "./uat-values.json";

let sim: Simulator;
let deps: TransportDeps;
beforeAll(async () => {
  sim = createEkoSimulator({ ...EKO_UAT, slowMs: 1_000, control: true });
  deps = { config: { ...EKO_UAT, baseUrl: `http://127.0.0.1:${await sim.listen(0)}${SIM_BASE_PATH}`, timeoutMs: 2_000 }, userCode: EKO_UAT.userCode };
});
afterAll(() => sim.close());

let seq = 0;
const newMobile = () => `63${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;
const lastOtp = (mobile: string, purpose: string) => sim.sms.filter((s) => s.to === mobile && s.purpose === purpose).at(-1)!;
const wallet = { walletToken: "", walletId: "" };
const ADDRESS = ["12 Station Road", "Pune", "Maharashtra", "411001"] as const;
const onboard = (customerMobile: string, change: object = {}) =>
  callEko(onboardSender, { customerMobile, clientRefId: newClientRefId(), name: "Asha Rao", dob: "1990-05-15", address: ADDRESS, ...change }, deps);
const verifySender = (customerMobile: string) => {
  const sms = lastOtp(customerMobile, "sender");
  return callEko(verifySenderOtp, { customerMobile, otp: sms.otp, otpRefId: sms.otpRefId, intentId: "19", clientRefId: newClientRefId() }, deps);
};
const aadhaar = (customerMobile: string, number = "234567890123") =>
  callEko(validateAadhaar, { customerMobile, clientRefId: newClientRefId(), aadhaar: number, ...wallet }, deps);
const aadhaarOtp = (customerMobile: string, otp?: string) => {
  const sms = lastOtp(customerMobile, "aadhaar");
  return callEko(verifyAadhaarOtp, { customerMobile, clientRefId: newClientRefId(), otp: otp ?? sms.otp, otpRefId: sms.otpRefId, ...wallet }, deps);
};
const pan = (customerMobile: string, number = "ABCDE1234F") =>
  callEko(validatePan, { customerMobile, clientRefId: newClientRefId(), pan: number, ...wallet }, deps);

describe("the simulator's enrolment and KYC", () => {
  it("every mobile starting 63 is not enrolled; Onboard Sender texts the OTP, then Aadhaar and PAN are asked for in turn", async () => {
    const mobile = newMobile();
    expect(await callEko(getSender, { customerMobile: mobile }, deps)).toMatchObject({ kind: "rejected", codes: { status: 308 } });
    expect(await onboard(mobile)).toMatchObject({ kind: "ok", data: { otp_ref_id: lastOtp(mobile, "sender").otpRefId } });
    expect(await verifySender(mobile)).toMatchObject({ kind: "rejected", codes: { responseTypeId: 2136 } });
    expect(await aadhaar(mobile)).toMatchObject({
      kind: "ok",
      data: { otp_ref_id: lastOtp(mobile, "aadhaar").otpRefId, mobile_hint: `******${mobile.slice(-4)}` },
    });
    expect(await aadhaarOtp(mobile, "000000")).toMatchObject({ kind: "rejected", codes: { status: 1, responseStatusId: 302 } });
    expect(await aadhaarOtp(mobile)).toMatchObject({ kind: "rejected", codes: { status: 0, responseTypeId: 2147 } });
    const done = await pan(mobile);
    expect(done).toMatchObject({
      kind: "ok",
      data: { customer_profile: { name: "Asha Rao", total_monthly_limit: LIMIT_WITH_PAN }, wallet_token: expect.any(String) },
    });
    // Enrolled now: Get Sender texts the verification OTP, and a KYC step again is "already approved".
    expect(await callEko(getSender, { customerMobile: mobile }, deps)).toMatchObject({ kind: "ok" });
    expect(await verifySender(mobile)).toMatchObject({ kind: "ok", data: { customer_profile: { total_monthly_limit: LIMIT_WITH_PAN } } });
    expect(await pan(mobile)).toMatchObject({ kind: "rejected", codes: { status: 585 } });
    expect(await aadhaar(mobile)).toMatchObject({ kind: "rejected", codes: { status: 585 } });
  });

  it("checks the details: Eko's validation shape names the field; the documented test numbers are refused", async () => {
    const mobile = newMobile();
    expect(await onboard(mobile, { dob: "15-05-1990", address: ["", "Pune", "MH", "0110"] })).toMatchObject({
      kind: "rejected",
      codes: { status: 461 },
      invalidParams: { dob: expect.any(String), residence_address: expect.any(String) },
    });
    await onboard(mobile);
    expect(await aadhaar(mobile, "12345")).toMatchObject({ kind: "rejected", codes: { status: 461 }, invalidParams: { aadhar: expect.any(String) } });
    expect(await aadhaar(mobile, REFUSED_AADHAAR)).toMatchObject({ kind: "rejected", codes: { status: 1, message: "Aadhaar validation failed" } });
    expect(await pan(mobile)).toMatchObject({ kind: "rejected", codes: { responseTypeId: 2136 } });
    await aadhaar(mobile);
    await aadhaarOtp(mobile);
    expect(await pan(mobile, "abcde1234f")).toMatchObject({
      kind: "rejected",
      codes: { status: 461 },
      invalidParams: { pan_number: expect.any(String) },
    });
    expect(await pan(mobile, REFUSED_PAN)).toMatchObject({ kind: "rejected", codes: { status: 1, message: "PAN validation failed" } });
    expect(
      await callEko(
        validatePan,
        { customerMobile: mobile, clientRefId: newClientRefId(), pan: "ABCDE1234F", walletToken: "forged", walletId: "" },
        deps,
      ),
    ).toMatchObject({
      kind: "rejected",
      codes: { responseStatusId: 463 },
    });
  });

  it("an onboarded customer has the lower limit until PAN; 6444444444 needs no PAN and is enrolled by its Aadhaar OTP", async () => {
    const mobile = newMobile();
    await onboard(mobile);
    expect(sim.sms.filter((s) => s.to === mobile)).toHaveLength(1);
    expect(await aadhaar("6444444444")).toMatchObject({ kind: "ok" });
    expect(await aadhaarOtp("6444444444")).toMatchObject({
      kind: "ok",
      data: { verified: true, customer_profile: expect.any(Object), wallet_token: expect.any(String) },
    });
    expect(LIMIT_BEFORE_PAN).toBe(25_000);
  });
});
