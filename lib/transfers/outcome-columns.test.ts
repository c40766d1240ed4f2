import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { interpretAnswer } from "@/lib/eko/operation";
import { initiateTransaction } from "@/lib/eko/operations/initiate-transaction";
import { transactionInquiry } from "@/lib/eko/operations/transaction-inquiry";
import { initiateColumns, transactionColumns } from "./outcome-columns";

type Fixture = { slug: string; successResponse: unknown };
const fixtures = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@ekoindia/eps-mock-server/data/fixtures.json"), "utf8"),
) as Fixture[];
const published = (slug: string) => structuredClone(fixtures.find((f) => f.slug === slug)!.successResponse) as { data: Record<string, unknown> };
const answer = (body: unknown, httpStatus = 200) => [httpStatus, JSON.stringify(body)] as const;

describe("Initiate Transaction's answers as a transfer's state", () => {
  it("reads Eko's published success into the receipt's facts, the account number cut to its last four digits", () => {
    const outcome = interpretAnswer(initiateTransaction, ...answer(published("ppi-levin-initiate-transaction")));
    const columns = initiateColumns(outcome, 120);
    expect(columns).toMatchObject({
      state: "success",
      txStatus: 0,
      tid: "2886522975",
      bankRef: "250121123714472002",
      feePaise: 400,
      collectablePaise: 11_400,
      recipientName: "Krishna",
      recipientBank: "UCO Bank",
      recipientAccountMasked: "••••8454",
      latencyMs: 120,
    });
    expect(JSON.stringify(columns)).not.toContain("67544100008454");
  });

  it.each([
    [0, "success"],
    [1, "failed"],
    [2, "awaited"],
    [3, "refund-pending"],
    [4, "refunded"],
    [5, "on-hold"],
    [6, "in-progress"],
    [42, "in-progress"],
  ])("tx_status %i in Eko's success envelope is %s", (txStatus, state) => {
    const body = published("ppi-levin-initiate-transaction");
    body.data.tx_status = String(txStatus);
    expect(initiateColumns(interpretAnswer(initiateTransaction, ...answer(body)), 1).state).toBe(state);
  });

  it.each([
    ["a wrong OTP (302)", { status: 302, response_status_id: 1, response_type_id: 302, message: "Wrong OTP" }],
    ["an expired OTP (303)", { status: 303, response_status_id: 1, response_type_id: 303, message: "OTP expired" }],
    [
      "invalid parameters (461)",
      { status: 461, response_status_id: 1, response_type_id: -1, message: "Invalid parameters", invalid_params: { amount: "differs" } },
    ],
  ])("Eko's refusal, %s, moved no money", (_what, body) => {
    const columns = initiateColumns(interpretAnswer(initiateTransaction, ...answer(body)), 1);
    expect(columns).toMatchObject({ state: "refused", ekoStatus: body.status });
  });

  it("a success without a TID, an unreadable body or a gateway's 5xx is unknown: Transaction Inquiry settles it", () => {
    const noTid = published("ppi-levin-initiate-transaction");
    delete noTid.data.tid;
    expect(initiateColumns(interpretAnswer(initiateTransaction, ...answer(noTid)), 1).state).toBe("unknown");
    expect(initiateColumns(interpretAnswer(initiateTransaction, 200, '{"status": 0, "data": {"tx_st'), 1).state).toBe("unknown");
    expect(initiateColumns(interpretAnswer(initiateTransaction, 502, "<html>Bad Gateway</html>"), 1).state).toBe("unknown");
    expect(initiateColumns({ kind: "unknown", reason: "timeout", detail: "" }, 2_500).state).toBe("unknown");
  });

  it("a 403 or a connection never made is known not to have moved money", () => {
    expect(initiateColumns(interpretAnswer(initiateTransaction, 403, "{}"), 1).state).toBe("refused");
    expect(initiateColumns({ kind: "failed", reason: "unreachable", codes: null, httpStatus: null, detail: "" }, 1).state).toBe("not-sent");
    expect(initiateColumns({ kind: "not-sent", reason: "circuit-open", retryAt: null }, 0)).toMatchObject({
      state: "not-sent",
      failureReason: "circuit-open",
    });
  });
});

describe("Transaction Inquiry's answer", () => {
  it("reads Eko's published inquiry: the stage, TID, bank reference and fee", () => {
    const outcome = interpretAnswer(transactionInquiry, ...answer(published("transaction-inquiry")));
    expect(outcome.kind).toBe("ok");
    if (outcome.kind !== "ok") return;
    expect(transactionColumns(outcome.data)).toMatchObject({
      state: "success",
      tid: "12971397",
      bankRef: "8761099407",
      feePaise: 500,
      recipientAccountMasked: "••••3534",
    });
  });
});
