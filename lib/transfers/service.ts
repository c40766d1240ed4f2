import "server-only";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { OtpRequestRow, TransferRow } from "@/lib/db/schema";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getEkoConfig } from "@/lib/eko/config";
import { initiateTransaction } from "@/lib/eko/operations/initiate-transaction";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { sendGuarded, type RecordedCallDeps } from "@/lib/ledger/recorded-call";
import { WAIT_MARGIN_MS, whilePending } from "@/lib/ledger/while-pending";
import { trackInFlight } from "@/lib/startup/graceful-shutdown";
import { logEvent } from "@/lib/log";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { errorCode } from "@/lib/error-code";
import type { MessageKey } from "@/lib/i18n/translate";
import { kickInquiries } from "./inquiries";
import { initiateColumns } from "./outcome-columns";
import { completeTransfer, findAgentOtpRequest, findLiveTransfer, findTransferBySubmission, insertPendingTransfer } from "./repository";
import { awaitsEko } from "./tx-status";
import { transferViewOf, type TransferView } from "./view";

/** Who transfers: the agent's username, account id and Eko user_code, and their shop's location if an admin set it. */
export type TransferActor = { agent: string; agentId: string | null; userCode: string; shopLatlong: string | null };

export type TransferInput = { otpRequestRef: string; otp: string; submissionId: string; latlong?: string };

export type TransferResult =
  /** The transfer as the ledger holds it now; `repeated` when this submission or this OTP had already been used. */
  | { status: "transfer"; transfer: TransferView; repeated: boolean }
  | { status: "invalid"; fieldErrors: { otp?: MessageKey }; formError: MessageKey | null };

export type TransferDeps = Partial<RecordedCallDeps> & { kick?: () => void };

const invalid = (formError: MessageKey): TransferResult => ({ status: "invalid", fieldErrors: {}, formError });

/**
 * The customer's OTP turned into money moved, once: what moves comes from the agent's own OTP request in the ledger;
 * the row is written before the call, so a repeat finds it instead of calling again; the call is never retried, and
 * an outcome that is not an answer is left `unknown` for Transaction Inquiry.
 */
export async function initiateTransfer(input: TransferInput, actor: TransferActor, deps: TransferDeps = {}): Promise<TransferResult> {
  if (!isSubmissionId(input.submissionId)) return invalid("error.form.unusable");
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? (() => new Date());
  const latlong = actor.shopLatlong ?? input.latlong;
  if (!latlong) return invalid("error.transfer.noLocation");
  const config = deps.config ?? getEkoConfig();
  const clientRefId = newClientRefId(now().getTime());
  const createdAt = now();
  let otpRequest: OtpRequestRow | undefined;
  let inserted: TransferRow | null;
  try {
    otpRequest = await sentOtpRequest(db, input.otpRequestRef, actor.agent, config.timeoutMs);
    if (!otpRequest) return invalid("error.transfer.noOtpRequest");
    inserted = await insertPendingTransfer(db, {
      clientRefId,
      submissionId: input.submissionId,
      otpRequestId: otpRequest.id,
      agent: actor.agent,
      agentId: actor.agentId,
      userCode: actor.userCode,
      customerMobileHash: otpRequest.customerMobileHash,
      customerMobileLast4: otpRequest.customerMobileLast4,
      recipientId: otpRequest.recipientId,
      beneficiaryId: otpRequest.beneficiaryId,
      amount: otpRequest.amount,
      // The channel the recipient allows, as Get Recipients listed it when the OTP was sent (IMPS for typed IDs).
      channel: otpRequest.channel,
      recipientName: otpRequest.recipientName,
      recipientBank: otpRequest.recipientBank,
      recipientAccountMasked: otpRequest.recipientAccountMasked,
      createdAt,
      // If this process dies mid-call, the inquiry worker takes the transfer up once the call could no longer answer.
      nextCheckAt: new Date(createdAt.getTime() + config.timeoutMs + WAIT_MARGIN_MS),
    });
  } catch (error) {
    // Nothing is sent that the ledger does not hold.
    logEvent("error", "ledger.write_failed", {
      operation: "initiate-transaction",
      clientRefId,
      stage: "pending",
      error: errorCode(error) ?? "unknown",
    });
    return invalid("error.transfer.ledgerDown");
  }
  if (!inserted) return repeated(db, input, otpRequest, config.timeoutMs);

  let customerMobile: string;
  try {
    customerMobile = (deps.vault ?? getMobileVault()).decrypt(otpRequest.customerMobileEncrypted);
  } catch (error) {
    // A ledger key that no longer opens the row: nothing goes to Eko.
    logEvent("error", "transfer.mobile_unreadable", { clientRefId, error: errorCode(error) ?? "unknown" });
    const failed = await completeTransfer(db, clientRefId, {
      state: "not-sent",
      failureReason: "ledger-unavailable",
      completedAt: now(),
      settledAt: now(),
      nextCheckAt: null,
    });
    return { status: "transfer", transfer: transferViewOf(failed ?? inserted), repeated: false };
  }
  // The transfer's row is Initiate Transaction's ledger row: in flight until completed, so a shutdown waits for both.
  const request = {
    clientRefId,
    recipientId: otpRequest.recipientId,
    beneficiaryId: otpRequest.beneficiaryId ?? undefined,
    amount: otpRequest.amount,
    customerMobile,
    otp: input.otp,
    otpRefId: otpRequest.otpRefId ?? "",
    channel: otpRequest.channel,
    latlong,
    timestamp: createdAt.toISOString(),
  };
  const { update, completed } = await trackInFlight(
    sendGuarded(initiateTransaction, request, { actor, customerMobile, clientRefId }, { ...deps, config }).then(async (outcome) => {
      const columns = initiateColumns(outcome, outcome.latencyMs);
      const open = awaitsEko(columns.state ?? "unknown");
      const row = await completeTransfer(db, clientRefId, {
        ...columns,
        completedAt: now(),
        nextCheckAt: open ? now() : null,
        settledAt: open ? null : now(),
      }).catch((error: unknown) => {
        // The row stays pending: the inquiry worker settles it from Eko once its check falls due.
        logEvent("error", "ledger.write_failed", {
          operation: "initiate-transaction",
          clientRefId,
          stage: "outcome",
          error: errorCode(error) ?? "unknown",
        });
        return undefined;
      });
      return { update: columns, completed: row };
    }),
  );
  const state = update.state ?? "unknown";
  const open = awaitsEko(state);
  logEvent(state === "success" ? "info" : "warn", "transfer.initiated", { clientRefId, agent: actor.agent, state, amount: otpRequest.amount });
  if (open) (deps.kick ?? kickInquiries)();
  return { status: "transfer", transfer: transferViewOf(completed ?? { ...inserted, ...update }), repeated: false };
}

/**
 * The OTP request the agent was shown "OTP sent" for. Its row is completed just after that answer goes out, so a
 * transfer posted at once may find it still `pending` for a moment: it waits (as long as Eko's answer could take).
 */
async function sentOtpRequest(db: Db, ref: string, agent: string, timeoutMs: number): Promise<OtpRequestRow | undefined> {
  const read = () => findAgentOtpRequest(db, ref, agent);
  const first = await read();
  const row = first && (await whilePending(first, read, timeoutMs + WAIT_MARGIN_MS));
  return row?.state === "sent" ? row : undefined;
}

/** A submission or OTP already used: the first transfer's state once it has one, polled while its call is in flight. */
async function repeated(db: Db, input: TransferInput, otpRequest: OtpRequestRow, timeoutMs: number): Promise<TransferResult> {
  const find = async () => (await findTransferBySubmission(db, input.submissionId)) ?? (await findLiveTransfer(db, otpRequest.id));
  const first = await find();
  if (!first) return invalid("error.submission.reload");
  if (first.otpRequestId !== otpRequest.id) return invalid("error.form.reused");
  logEvent("info", "transfer.repeated", { clientRefId: first.clientRefId, agent: otpRequest.agent, state: first.state });
  const row = await whilePending(first, find, timeoutMs + WAIT_MARGIN_MS);
  return { status: "transfer", transfer: transferViewOf(row), repeated: true };
}
