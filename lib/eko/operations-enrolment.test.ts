import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { interpretAnswer } from "./operation";
import { validateAadhaar, verifyAadhaarOtp } from "./operations/aadhaar";
import { onboardSender } from "./operations/onboard-sender";
import { validatePan } from "./operations/validate-pan";
import { callEko } from "./transport";

type Fixture = { slug: string; request: Record<string, unknown>; successResponse: unknown; errors?: { example: unknown }[] };
const fixtures = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@ekoindia/eps-mock-server/data/fixtures.json"), "utf8"),
) as Fixture[];
const fixture = (slug: string) => fixtures.find((f) => f.slug === slug)!;
const MOBILE = "9444444444";
const AADHAAR = "234567890123";
const PAN = "ABCDE1234F";

describe("the enrolment operations read Eko's published answers", () => {
  it("Verify Aadhaar OTP: the published success is verified (no wallet token); its wrong OTP keeps 302 in response_status_id", () => {
    const ok = interpretAnswer(verifyAadhaarOtp, 200, JSON.stringify(fixture("aadhaar-ppi-levin-verify-otp").successResponse));
    expect(ok).toMatchObject({ kind: "ok", data: { verified: true } });
    expect(ok.kind === "ok" && ok.data.wallet_token).toBeFalsy();
    const wrong = interpretAnswer(verifyAadhaarOtp, 200, JSON.stringify(fixture("aadhaar-ppi-levin-verify-otp").errors![0]!.example));
    expect(wrong).toMatchObject({ kind: "rejected", codes: { status: 1, responseStatusId: 302 } });
    const panNext = interpretAnswer(verifyAadhaarOtp, 200, JSON.stringify(fixture("ppi-levin-verify-otp").errors![1]!.example));
    expect(panNext).toMatchObject({ kind: "rejected", codes: { status: 0, responseTypeId: 2147 } });
  });

  it("Validate Aadhaar: Eko's OTP reference and masked mobile; the invalid wallet token is a refusal", () => {
    expect(interpretAnswer(validateAadhaar, 200, JSON.stringify(fixture("aadhaar-ppi-levin-validate").successResponse))).toMatchObject({
      kind: "ok",
      data: { otp_ref_id: "66748392", mobile_hint: "******3210" },
    });
    expect(interpretAnswer(validateAadhaar, 200, JSON.stringify(fixture("aadhaar-ppi-levin-validate").errors![0]!.example))).toMatchObject({
      kind: "rejected",
      codes: { responseStatusId: 463 },
    });
  });

  it("Validate PAN: the updated profile, with or without a wallet token", () => {
    expect(interpretAnswer(validatePan, 200, JSON.stringify(fixture("ppi-levin-validate-pan").successResponse))).toMatchObject({
      kind: "ok",
      data: { customer_profile: { name: "Karan Garg", total_monthly_limit: 50000 } },
    });
  });
});

let lastBody = "";
let reply = "{}";
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    lastBody = body;
    res.setHeader("content-type", "application/json");
    res.end(reply);
  });
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
const deps = () => ({ config: { ...EKO_UAT, baseUrl: base, timeoutMs: 2_000 }, userCode: EKO_UAT.userCode });

describe("the enrolment operations on the wire", () => {
  it("Onboard Sender sends the address as Eko's lines", async () => {
    reply = JSON.stringify(fixture("ppi-levin-onboard-sender").successResponse);
    const address = ["12 Station Road", "Pune", "Maharashtra", "411001"] as const;
    const outcome = await callEko(
      onboardSender,
      { customerMobile: MOBILE, clientRefId: "LDTEST1", name: "Asha Rao", dob: "1990-05-15", address },
      deps(),
    );
    expect(outcome).toMatchObject({ kind: "ok", data: { otp_ref_id: expect.any(String) } });
    expect(JSON.parse(lastBody)).toMatchObject({ name: "Asha Rao", dob: "1990-05-15", residence_address: [...address], service_code: 80 });
  });

  it("cuts the Aadhaar number and PAN from anything Eko echoes back: message, invalid_params", async () => {
    reply = JSON.stringify({
      status: 461,
      response_status_id: 1,
      response_type_id: -1,
      message: `Aadhaar ${AADHAAR} invalid`,
      invalid_params: { aadhar: `bad ${AADHAAR}` },
    });
    const aadhaar = await callEko(
      validateAadhaar,
      { customerMobile: MOBILE, clientRefId: "LDTEST2", aadhaar: AADHAAR, walletToken: "", walletId: "" },
      deps(),
    );
    expect(JSON.parse(lastBody).aadhar).toBe(AADHAAR);
    expect(JSON.stringify(aadhaar)).not.toContain(AADHAAR);
    expect(aadhaar).toMatchObject({
      kind: "rejected",
      codes: { message: "Aadhaar [withheld] invalid" },
      invalidParams: { aadhar: "bad [withheld]" },
    });

    reply = JSON.stringify({ status: 1, response_status_id: 1, response_type_id: -1, message: `PAN ${PAN} refused` });
    const pan = await callEko(validatePan, { customerMobile: MOBILE, clientRefId: "LDTEST3", pan: PAN, walletToken: "", walletId: "" }, deps());
    expect(JSON.stringify(pan)).not.toContain(PAN);
  });
});
