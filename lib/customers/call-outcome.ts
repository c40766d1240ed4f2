import "server-only";
import type { RecordedOutcome } from "@/lib/ledger/recorded-call";
import type { CallFailure, EkoRefusal } from "./visit-result";

/** A recorded call that did not succeed, as the customer steps show it. */
export type NotOk = ({ status: "rejected" } & EkoRefusal) | ({ status: "failed" } & CallFailure) | { status: "unknown" };

export function notOk(outcome: Exclude<RecordedOutcome<unknown>, { kind: "ok" }>): NotOk {
  switch (outcome.kind) {
    case "rejected":
      return { status: "rejected", eko: outcome.codes, invalidParams: outcome.invalidParams };
    case "not-sent":
      return { status: "failed", reason: outcome.reason, retryAt: outcome.retryAt, httpStatus: null };
    case "failed":
      return { status: "failed", reason: outcome.reason, retryAt: null, httpStatus: outcome.httpStatus };
    case "unknown":
      return { status: "unknown" };
  }
}
