import type { EkoCallRow } from "@/lib/db/schema";
import type { EkoCodes } from "@/lib/eko/envelope";

/** The outcome of any Eko call as far as its ledger row keeps it. */
type Answered = { kind: string; reason?: string; codes?: EkoCodes | null; httpStatus?: number | null };

export type AnswerColumns = Pick<
  EkoCallRow,
  "failureReason" | "ekoStatus" | "ekoResponseStatusId" | "ekoResponseTypeId" | "ekoMessage" | "httpStatus"
> & {
  latencyMs: number;
};

/** How Eko answered, in the columns every ledger row of an Eko call shares (lib/db/schema.ts, ekoCallColumns). */
export function answerColumnsOf(outcome: Answered, latencyMs: number): AnswerColumns {
  const codes = outcome.codes ?? null;
  return {
    failureReason: outcome.kind === "failed" || outcome.kind === "unknown" ? (outcome.reason ?? null) : null,
    ekoStatus: codes?.status ?? null,
    ekoResponseStatusId: codes?.responseStatusId ?? null,
    ekoResponseTypeId: codes?.responseTypeId ?? null,
    ekoMessage: codes?.message ?? null,
    httpStatus: outcome.httpStatus ?? null,
    latencyMs,
  };
}
