import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { interpretOtpResponse, type EkoCodes } from "./otp-outcome";
import { rejectionReasonOf } from "./rejection-reason";

type Body = Record<string, unknown>;
type Fixture = { slug: string; successResponse: unknown; errors?: { scenario: string; statusCode: number; example: unknown }[] };

const fixturesFile = createRequire(import.meta.url).resolve("@ekoindia/eps-mock-server/data/fixtures.json");
const fixtures = JSON.parse(readFileSync(fixturesFile, "utf8")) as Fixture[];

function bySlug(slug: string): Fixture {
  const found = fixtures.find((f) => f.slug === slug);
  if (!found) throw new Error(`fixture ${slug} missing`);
  return found;
}

function errorExample(slug: string, status: number): Body {
  const found = bySlug(slug).errors?.find((e) => (e.example as Body | null)?.status === status);
  if (!found) throw new Error(`${slug}: no example with status ${status}`);
  return found.example as Body;
}

const published = bySlug("ppi-levin-send-transaction-otp").successResponse as Body;
const PUBLISHED_REF = "zCISyglexo0Pjqp4YrS2ssweuD9v1c3aLKGxjTW8wU7An8Wem1UyNws5830yh7q/sf5J4R3BY=";
const interpret = (body: unknown, http = 200) => interpretOtpResponse(http, JSON.stringify(body));

describe("interpretOtpResponse: sent", () => {
  it("reads Eko's published success (status 2133) as sent, keeping otp_ref_id whole", () => {
    expect(interpret(published)).toEqual({
      kind: "sent",
      otpRefId: PUBLISHED_REF,
      codes: { status: 2133, responseStatusId: 1, responseTypeId: 2133, message: "Send OTP" },
      httpStatus: 200,
    });
  });

  it("accepts status 0 with an otp_ref_id", () => {
    const outcome = interpret({ status: 0, response_status_id: 0, message: "Send OTP", data: { otp_ref_id: "666902416" } });
    expect(outcome).toMatchObject({ kind: "sent", otpRefId: "666902416" });
  });

  it("parses numeric fields sent as strings", () => {
    const outcome = interpret({ ...published, status: "2133", response_type_id: "2133", response_status_id: "1" });
    expect(outcome).toMatchObject({ kind: "sent", otpRefId: PUBLISHED_REF, codes: { status: 2133, responseTypeId: 2133, responseStatusId: 1 } });
  });

  it("treats 2133 without an otp_ref_id as an unreadable answer: the OTP may have gone", () => {
    for (const data of [undefined, {}, { otp_ref_id: "" }, { otp_ref_id: 12345 }]) {
      const outcome = interpret({ ...published, data });
      expect(outcome).toMatchObject({ kind: "unknown", reason: "unreadable-answer", httpStatus: 200, codes: { status: 2133 } });
    }
    expect(interpret({ status: 1, response_type_id: 2133, data: {} })).toMatchObject({ kind: "unknown", reason: "unreadable-answer" });
  });
});

describe("interpretOtpResponse: rejected with Eko's error samples", () => {
  it("945 monthly limit", () => {
    expect(interpret(errorExample("dmt-send-otp", 945))).toEqual({
      kind: "rejected",
      codes: { status: 945, responseStatusId: 1, responseTypeId: 945, message: "Beneficiary monthly limit exhausted" },
      invalidParams: {},
      httpStatus: 200,
    });
  });

  it("463 customer not found, with invalid_params on customer_id", () => {
    expect(interpret(errorExample("dmt-send-otp", 463))).toEqual({
      kind: "rejected",
      codes: { status: 463, responseStatusId: 1, responseTypeId: -1, message: "customer_id does not exist in system" },
      invalidParams: { customer_id: "Customer does not exist in System" },
      httpStatus: 200,
    });
  });

  it("346 agent not allowed", () => {
    const codes = { status: 346, responseStatusId: 1, responseTypeId: 346, message: "Agent not allowed to this transaction" };
    expect(interpret(errorExample("aeps-fingpay-send-otp-kyc", 346))).toEqual({ kind: "rejected", codes, invalidParams: {}, httpStatus: 200 });
  });

  it("319 invalid initiator, with invalid_params", () => {
    expect(interpret(errorExample("bbps-get-operators", 319))).toMatchObject({
      kind: "rejected",
      codes: { status: 319, responseTypeId: -1, message: "Invalid Sender/Initiator" },
      invalidParams: { initiator_id: "Merchant does not exist in system." },
    });
  });

  it("945 with its codes sent as strings", () => {
    const body = { ...errorExample("dmt-send-otp", 945), status: "945", response_type_id: "945", response_status_id: "1" };
    expect(interpret(body)).toMatchObject({ kind: "rejected", codes: { status: 945, responseStatusId: 1, responseTypeId: 945 } });
  });
});

describe("interpretOtpResponse: Eko's own words never carry a full mobile", () => {
  it("masks a customer_id echoed in the message and in invalid_params", () => {
    const body = { ...errorExample("dmt-send-otp", 463), message: "customer_id 6111111111 does not exist", invalid_params: { customer_id: "+91 61111 11111 unknown" } };
    expect(interpret(body)).toMatchObject({
      kind: "rejected",
      codes: { message: "customer_id ••••••1111 does not exist" },
      invalidParams: { customer_id: "••••••1111 unknown" },
    });
  });

  it("masks a mobile in an unreadable answer's snippet", () => {
    const outcome = interpretOtpResponse(200, "<html>customer 9876543210</html>");
    expect(outcome).toMatchObject({ kind: "unknown", reason: "unreadable-answer" });
    expect(JSON.stringify(outcome)).not.toContain("9876543210");
  });
});

describe("interpretOtpResponse: failures", () => {
  it("HTTP 403 is an auth failure, even with a JSON body", () => {
    const forbidden = bySlug("verify-gstin").errors?.find((e) => e.statusCode === 403)?.example;
    expect(interpret(forbidden, 403)).toMatchObject({ kind: "failed", reason: "auth", httpStatus: 403 });
    expect(interpretOtpResponse(403, "")).toMatchObject({ kind: "failed", reason: "auth", httpStatus: 403, codes: null });
  });

  it("HTTP 500 plain text", () => {
    expect(interpretOtpResponse(500, "Internal Server Error")).toMatchObject({ kind: "failed", reason: "http", httpStatus: 500, codes: null });
  });

  it("HTML 502 from a gateway", () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    expect(interpretOtpResponse(502, html)).toMatchObject({ kind: "failed", reason: "http", httpStatus: 502 });
  });

  it("a non-2xx with a success-looking body is still not sent", () => {
    expect(interpret(published, 500)).toMatchObject({ kind: "failed", reason: "http", httpStatus: 500 });
  });

  it.each([
    ["malformed JSON", '{"status": 2133, "response_status_id": 1, "data": {"otp_ref_id": "zCIS'],
    ["an empty body", ""],
    ["JSON without status", JSON.stringify({ message: "Send OTP", data: { otp_ref_id: "abc" } })],
    ["JSON null", "null"],
    ["a non-numeric status", JSON.stringify({ ...published, status: "ok" })],
    ["an HTML page", "<html><body><h1>Welcome</h1></body></html>"],
  ])("200 with %s is unknown: Eko took the request, the answer cannot be read", (_label, text) => {
    expect(interpretOtpResponse(200, text)).toMatchObject({ kind: "unknown", reason: "unreadable-answer", httpStatus: 200, codes: null });
  });
});

describe("rejectionReasonOf", () => {
  const codes = (over: Partial<EkoCodes>): EkoCodes => ({ status: 1, responseStatusId: 1, responseTypeId: 1, message: null, ...over });

  it.each([
    [347, "insufficient-balance"],
    [945, "limit-exhausted"],
    [314, "limit-exhausted"],
    [346, "agent-not-onboarded"],
    [1297, "agent-not-onboarded"],
    [463, "customer-not-found"],
    [461, "invalid-params"],
    [319, "invalid-initiator"],
  ] as const)("status %i → %s", (status, reason) => {
    expect(rejectionReasonOf(codes({ status }), false)).toBe(reason);
  });

  it.each([
    ["response_status_id -2", "in-progress", { responseStatusId: -2, message: "Another transaction in progress" }],
    ["'Kindly use your production key'", "wrong-environment-key", { message: "Kindly use your production key" }],
    ["'Customer not allowed', unknown status", "service-not-active", { status: 9999, message: "Customer not allowed" }],
    ["an unknown status and nothing else", "other", { status: 9999, message: "Something odd" }],
  ] as const)("%s → %s", (_label, reason, over) => {
    expect(rejectionReasonOf(codes(over), false)).toBe(reason);
  });

  it("the 463 sample, end to end, → customer-not-found", () => {
    const outcome = interpret(errorExample("dmt-send-otp", 463));
    if (outcome.kind !== "rejected") throw new Error(`expected rejected, got ${outcome.kind}`);
    expect(rejectionReasonOf(outcome.codes, Object.keys(outcome.invalidParams).length > 0)).toBe("customer-not-found");
  });
});
