import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { ekoCalls } from "@/lib/db/schema";
import { getEkoConfig } from "@/lib/eko/config";
import { findCall } from "@/lib/ledger/recorded-call";
import { WAIT_MARGIN_MS, whilePending } from "@/lib/ledger/while-pending";
import type { CustomerDeps } from "./service";

/**
 * A repeat of a submission made once per submission: wait for the first arrival's calls (`calls` of them, each
 * within Eko's timeout plus a margin), then show what it was shown; `unknown` when it never said.
 */
export async function firstAnswer<R>(db: Db, firstClientRefId: string, deps: CustomerDeps, unknown: R, calls = 1): Promise<R> {
  const budget = calls * ((deps.config ?? getEkoConfig()).timeoutMs + WAIT_MARGIN_MS);
  const first = await findCall(db, firstClientRefId);
  if (!first) return unknown;
  const withResult = (row: typeof first) => ({ ...row, state: row.result ? "done" : "pending" });
  const settled = await whilePending(
    withResult(first),
    async () => {
      const row = await findCall(db, firstClientRefId);
      return row ? withResult(row) : undefined;
    },
    budget,
  );
  return (settled.result as R | null) ?? unknown;
}

/** A submission already recorded (its step has moved the visit on since): its first answer, else null. */
export async function answerOfSubmission<R>(db: Db, submissionId: string, deps: CustomerDeps, unknown: R): Promise<R | null> {
  const [first] = await db.select({ clientRefId: ekoCalls.clientRefId }).from(ekoCalls).where(eq(ekoCalls.submissionId, submissionId)).limit(1);
  return first ? firstAnswer(db, first.clientRefId, deps, unknown) : null;
}
