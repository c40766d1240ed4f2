import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newClientRefId } from "./client-ref-id";
import { sendTransactionOtp, type SendOtpDeps, type SendOtpRequest } from "./send-transaction-otp";

const config: SendOtpDeps["config"] = {
  baseUrl: "https://staging.eko.in/ekoapi/v3",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  accessKey: "d2fe1d99-6298-4af2-8cc5-d97dcf46df30",
  initiatorId: "9962981729",
  timeoutMs: 50,
};

const request: SendOtpRequest = {
  clientRefId: "LD0ABCDEFG0123456789",
  userCode: "20810200",
  recipientId: 10017740,
  amount: 110,
  customerMobile: "9444444444",
};

const NOW = 1_712_345_678_901;
const SUCCESS = JSON.stringify({ status: 2133, response_status_id: 1, response_type_id: 2133, message: "Send OTP", data: { otp_ref_id: "abc+/=" } });

type Captured = { url: string; method: string | undefined; headers: Headers; body: unknown };

function capturingFetch(responseText = SUCCESS, status = 200) {
  const calls: Captured[] = [];
  const fake: typeof fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)) as unknown,
    });
    return new Response(responseText, { status });
  };
  return { fake, calls };
}

function rejectingFetch(code: string): typeof fetch {
  return async () => {
    throw new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });
  };
}

const independentSignature = (accessKey: string, timestamp: string) =>
  createHmac("sha256", Buffer.from(accessKey).toString("base64")).update(timestamp).digest("base64");

describe("sendTransactionOtp", () => {
  it("POSTs Eko's body to the Send Transaction OTP path", async () => {
    const { fake, calls } = capturingFetch();
    const outcome = await sendTransactionOtp(request, { config, fetch: fake, now: () => NOW });
    expect(outcome).toMatchObject({ kind: "sent", otpRefId: "abc+/=" });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("https://staging.eko.in/ekoapi/v3/customer/payment/ppi-levin/otp");
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.body).toStrictEqual({
      initiator_id: "9962981729",
      user_code: "20810200",
      client_ref_id: "LD0ABCDEFG0123456789",
      recipient_id: 10017740,
      amount: 110,
      customer_id: "9444444444",
      service_code: 80,
    });
  });

  it("adds beneficiary_id only when given", async () => {
    const { fake, calls } = capturingFetch();
    await sendTransactionOtp({ ...request, beneficiaryId: "40367" }, { config, fetch: fake, now: () => NOW });
    await sendTransactionOtp({ ...request, beneficiaryId: "" }, { config, fetch: fake, now: () => NOW });
    expect(calls[0]?.body).toMatchObject({ beneficiary_id: "40367" });
    expect(calls[1]?.body).not.toHaveProperty("beneficiary_id");
  });

  it("signs with the injected clock, as JSON", async () => {
    const { fake, calls } = capturingFetch();
    await sendTransactionOtp(request, { config, fetch: fake, now: () => NOW });
    const headers = calls[0]?.headers;
    expect(headers?.get("content-type")).toBe("application/json");
    expect(headers?.get("developer_key")).toBe(config.developerKey);
    expect(headers?.get("secret-key-timestamp")).toBe(String(NOW));
    expect(headers?.get("secret-key")).toBe(independentSignature(config.accessKey, String(NOW)));
  });

  it("passes Eko's answer through the interpreter", async () => {
    const { fake } = capturingFetch("Internal Server Error", 500);
    expect(await sendTransactionOtp(request, { config, fetch: fake })).toMatchObject({ kind: "failed", reason: "http", httpStatus: 500 });
  });

  it("gives up after timeoutMs with an unknown outcome", async () => {
    let aborted = false;
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => {
          aborted = true;
          reject(new DOMException("This operation was aborted", "AbortError"));
        });
      });
    const started = performance.now();
    const outcome = await sendTransactionOtp(request, { config, fetch: hanging });
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({ kind: "unknown", reason: "timeout" });
    expect(aborted).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(1000);
  });

  it("ECONNREFUSED means nothing was sent: failed/unreachable", async () => {
    const outcome = await sendTransactionOtp(request, { config, fetch: rejectingFetch("ECONNREFUSED") });
    expect(outcome).toMatchObject({ kind: "failed", reason: "unreachable", httpStatus: null, codes: null });
  });

  it("ECONNRESET mid-request is unknown/connection-lost", async () => {
    const outcome = await sendTransactionOtp(request, { config, fetch: rejectingFetch("ECONNRESET") });
    expect(outcome).toMatchObject({ kind: "unknown", reason: "connection-lost" });
  });

  it("never throws, even when fetch throws synchronously", async () => {
    const throwing: typeof fetch = () => {
      throw new Error("boom");
    };
    await expect(sendTransactionOtp(request, { config, fetch: throwing })).resolves.toMatchObject({ kind: "unknown", reason: "connection-lost" });
  });
});

describe("newClientRefId", () => {
  it("is 20 characters of [0-9A-Z]", () => {
    const id = newClientRefId();
    expect(id).toHaveLength(20);
    expect(id).toMatch(/^[0-9A-Z]{20}$/);
  });

  it("gives 10,000 distinct ids, all well-formed", () => {
    const ids = Array.from({ length: 10_000 }, () => newClientRefId());
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every((id) => /^[0-9A-Z]{20}$/.test(id))).toBe(true);
  });

  it("stays distinct and 20 long when the clock does not move", () => {
    const ids = Array.from({ length: 10_000 }, () => newClientRefId(NOW));
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every((id) => id.length === 20)).toBe(true);
  });
});
