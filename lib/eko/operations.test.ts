import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyEkoSignature } from "@/lib/eko-sim/verify-signature";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { interpretAnswer, type EkoOperation } from "./operation";
import { validateAadhaar, verifyAadhaarOtp } from "./operations/aadhaar";
import { addRecipient } from "./operations/add-recipient";
import { addRecipientBank } from "./operations/add-recipient-bank";
import { getRecipients } from "./operations/get-recipients";
import { getRefundOtp } from "./operations/get-refund-otp";
import { getSender, SENDER_NOT_ENROLLED } from "./operations/get-sender";
import { initiateRefund } from "./operations/initiate-refund";
import { initiateTransaction } from "./operations/initiate-transaction";
import { onboardSender } from "./operations/onboard-sender";
import { sendTransactionOtp } from "./operations/send-transaction-otp";
import { transactionInquiry } from "./operations/transaction-inquiry";
import { validatePan } from "./operations/validate-pan";
import { AADHAAR_PENDING, PAN_REQUIRED, verifySenderOtp } from "./operations/verify-sender-otp";
import { callEko, MAX_RETRIES } from "./transport";

type Fixture = {
  slug: string;
  method: string;
  path: string;
  request: Record<string, unknown>;
  successResponse: unknown;
  errors?: { example: unknown }[];
};
const fixtures = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@ekoindia/eps-mock-server/data/fixtures.json"), "utf8"),
) as Fixture[];
const fixture = (slug: string) => fixtures.find((f) => f.slug === slug)!;

const MOBILE = "9444444444";
const REF = "LDTEST00000000000001";
// Every declared operation, the fixture it is Eko's, and an input like the desk's.
const CASES = [
  { slug: "ppi-levin-get-sender", operation: getSender, input: { customerMobile: MOBILE } },
  {
    slug: "ppi-levin-verify-otp",
    operation: verifySenderOtp,
    input: { customerMobile: MOBILE, otp: "123456", otpRefId: "abc", intentId: "19", clientRefId: REF },
  },
  { slug: "ppi-levin-get-recipients", operation: getRecipients, input: { customerMobile: MOBILE } },
  {
    slug: "ppi-levin-add-recipient",
    operation: addRecipient,
    input: {
      customerMobile: MOBILE,
      clientRefId: REF,
      bankId: 12,
      name: "Aditya",
      mobile: "9775597777",
      account: "1234567890657",
      ifsc: "KKBK0000878",
      accountType: "1",
    },
  },
  {
    slug: "ppi-levin-add-recipient-bank",
    operation: addRecipientBank,
    input: { customerMobile: MOBILE, recipientId: 10017740, walletToken: "token", clientRefId: REF },
  },
  {
    slug: "ppi-levin-send-transaction-otp",
    operation: sendTransactionOtp,
    input: { clientRefId: REF, recipientId: 10017740, amount: 110, customerMobile: MOBILE, beneficiaryId: "40367" },
  },
  {
    slug: "ppi-levin-initiate-transaction",
    operation: initiateTransaction,
    input: {
      clientRefId: REF,
      recipientId: 10017680,
      beneficiaryId: "40367",
      amount: 110,
      customerMobile: MOBILE,
      otp: "123456",
      otpRefId: "zCIS/+=",
      channel: 2,
      latlong: "28.63,77.22",
      timestamp: "2025-01-21T07:07:20.562Z",
    },
  },
  { slug: "transaction-inquiry", operation: transactionInquiry, input: { clientRefId: REF } },
  { slug: "get-refund-otp", operation: getRefundOtp, input: { tid: "2886522975" } },
  { slug: "initiate-refund", operation: initiateRefund, input: { tid: "2886522975", otp: "123456", otpRefId: "zCIS/+=" } },
  {
    slug: "ppi-levin-onboard-sender",
    operation: onboardSender,
    input: {
      customerMobile: MOBILE,
      clientRefId: REF,
      name: "Shobhit",
      dob: "1990-05-15",
      address: ["123 MG Road", "Bangalore", "Karnataka", "560001"],
    },
  },
  {
    slug: "aadhaar-ppi-levin-validate",
    operation: validateAadhaar,
    input: { customerMobile: MOBILE, clientRefId: REF, aadhaar: "234567890123", walletToken: "", walletId: "" },
  },
  {
    slug: "aadhaar-ppi-levin-verify-otp",
    operation: verifyAadhaarOtp,
    input: { customerMobile: MOBILE, clientRefId: REF, otp: "654321", otpRefId: "66748392", walletToken: "", walletId: "" },
  },
  {
    slug: "ppi-levin-validate-pan",
    operation: validatePan,
    input: { customerMobile: MOBILE, clientRefId: REF, pan: "ABCDE1234F", walletToken: "", walletId: "" },
  },
] as const;

const operationOf = (c: (typeof CASES)[number]) => c.operation as EkoOperation<unknown, unknown>;

describe("each declared operation reads Eko's published answers", () => {
  it.each(CASES)("$slug: the published success is ok, with its data", ({ slug, operation }) => {
    const outcome = interpretAnswer(operation as EkoOperation<never, unknown>, 200, JSON.stringify(fixture(slug).successResponse));
    expect(outcome.kind).toBe("ok");
  });

  it.each(CASES.filter((c) => (fixture(c.slug).errors ?? []).length > 0))(
    "$slug: every published refusal is rejected with its codes",
    ({ slug, operation }) => {
      for (const { example } of fixture(slug).errors ?? []) {
        const body = example as { status: number; response_type_id: number };
        const outcome = interpretAnswer(operation as EkoOperation<never, unknown>, 200, JSON.stringify(body));
        expect(outcome).toMatchObject({ kind: "rejected", codes: { status: body.status, responseTypeId: body.response_type_id } });
      }
    },
  );

  it("keeps the answers the next step branches on", () => {
    const read = <D>(operation: EkoOperation<never, D>, slug: string) =>
      interpretAnswer(operation, 200, JSON.stringify(fixture(slug).successResponse));
    expect(read(getSender, "ppi-levin-get-sender")).toMatchObject({ data: { intent_id: 19 } });
    expect(read(verifySenderOtp, "ppi-levin-verify-otp")).toMatchObject({
      data: { customer_profile: { name: "Shobhit", total_monthly_limit: 50000 } },
    });
    expect(read(getRecipients, "ppi-levin-get-recipients")).toMatchObject({
      data: { recipient_list: [{ recipient_id: 10018839, beneficiary_id: 40378 + "", bank: "Kotak Mahindra Bank" }, { beneficiary_id: null }] },
    });
    expect(read(initiateTransaction, "ppi-levin-initiate-transaction")).toMatchObject({
      data: { tx_status: 0, tid: "2886522975", fee: 4, collectable_amount: 114 },
    });
    expect(read(transactionInquiry, "transaction-inquiry")).toMatchObject({ data: { tx_status: 0, tid: "12971397" } });
    expect(read(initiateRefund, "initiate-refund")).toMatchObject({ data: { refund_tid: "2147591637", refunded_amount: 5050 } });
    const codes = (slug: string, status: number) =>
      interpretAnswer(
        getSender,
        200,
        JSON.stringify(
          fixture(slug)
            .errors!.map((e) => e.example)
            .find((e) => (e as { status: number }).status === status),
        ),
      );
    expect(codes("ppi-levin-get-sender", SENDER_NOT_ENROLLED)).toMatchObject({ kind: "rejected", codes: { status: 308 } });
    const verify = fixture("ppi-levin-verify-otp").errors!.map((e) => interpretAnswer(verifySenderOtp, 200, JSON.stringify(e.example)));
    expect(verify.map((o) => (o.kind === "rejected" ? o.codes.responseTypeId : null))).toEqual([AADHAAR_PENDING, PAN_REQUIRED]);
  });

  it("a success without what the next step needs is unknown, never a refusal: Eko may have acted", () => {
    const body = { ...(fixture("ppi-levin-initiate-transaction").successResponse as object), data: { fee: "4.0" } };
    expect(interpretAnswer(initiateTransaction, 200, JSON.stringify(body))).toMatchObject({ kind: "unknown", reason: "unreadable-answer" });
  });
});

type Arrival = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
let arrivals: Arrival[] = [];
let base = "";
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    arrivals.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: 1, response_status_id: 1, response_type_id: -1, message: "captured" }));
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const deps = (extra: object = {}) => ({ config: { ...EKO_UAT, baseUrl: base, timeoutMs: 2_000 }, userCode: EKO_UAT.userCode, ...extra });

describe("the one transport", () => {
  it.each(CASES)("$slug: signed as Eko checks, at Eko's path, with the published field types", async (c) => {
    arrivals = [];
    await callEko(operationOf(c), c.input, deps());
    const [arrival] = arrivals;
    const published = fixture(c.slug);
    expect(arrival?.method).toBe(published.method);
    const url = new URL(arrival!.url, "http://x");
    const pattern = new RegExp(`^/ekoapi/v3${published.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    expect(url.pathname).toMatch(pattern);
    const verdict = verifyEkoSignature(
      {
        developerKey: String(arrival!.headers.developer_key),
        timestamp: String(arrival!.headers["secret-key-timestamp"]),
        secretKey: String(arrival!.headers["secret-key"]),
      },
      EKO_UAT,
      Date.now(),
    );
    expect(verdict).toEqual({ ok: true });
    const sent: Record<string, unknown> = published.method === "POST" ? JSON.parse(arrival!.body) : Object.fromEntries(url.searchParams);
    expect(sent).toMatchObject({ initiator_id: EKO_UAT.initiatorId, user_code: EKO_UAT.userCode });
    for (const field of [
      "amount",
      "recipient_id",
      "customer_id",
      "client_ref_id",
      "service_code",
      "channel",
      "currency",
      "state",
      "intent_id",
      "recipient_type",
    ]) {
      if (published.method === "POST" && field in published.request && field in sent)
        expect(typeof sent[field], `${c.slug}.${field}`).toBe(typeof published.request[field]);
    }
    for (const field of Object.keys(published.request))
      if (published.method === "POST" && field !== "wallet_token") expect(sent, `${c.slug} sends ${field}`).toHaveProperty(field);
  });

  it("asks for a transaction by TID or by the desk's own reference", async () => {
    arrivals = [];
    await callEko(transactionInquiry, { tid: "12971397" }, deps());
    await callEko(transactionInquiry, { clientRefId: REF }, deps());
    expect(arrivals.map((a) => new URL(a.url, "http://x").pathname)).toEqual([
      "/ekoapi/v3/tools/reference/transaction/12971397",
      `/ekoapi/v3/tools/reference/transaction/client_ref_id:${REF}`,
    ]);
  });

  it("retries a refused connection for a read, never for an operation that moves money", async () => {
    const refused = () => Promise.reject(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }));
    for (const [operation, input, calls] of [
      [getRecipients, { customerMobile: MOBILE }, MAX_RETRIES + 1],
      [initiateTransaction, CASES[6].input, 1],
      [initiateRefund, CASES[9].input, 1],
    ] as const) {
      let attempts = 0;
      const fetch = (() => {
        attempts += 1;
        return refused();
      }) as unknown as typeof globalThis.fetch;
      const outcome = await callEko(operation as EkoOperation<unknown, unknown>, input, deps({ fetch, sleep: async () => undefined }));
      expect(outcome).toMatchObject({ kind: "failed", reason: "unreachable" });
      expect(attempts, operation.name).toBe(calls);
    }
  });

  it("a connection lost mid-request is unknown for money, and not retried", async () => {
    let attempts = 0;
    const fetch = (() => {
      attempts += 1;
      return Promise.reject(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    }) as unknown as typeof globalThis.fetch;
    expect(await callEko(initiateTransaction, CASES[6].input, deps({ fetch }))).toMatchObject({ kind: "unknown", reason: "connection-lost" });
    expect(attempts).toBe(1);
  });
});
