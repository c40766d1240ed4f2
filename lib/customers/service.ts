import "server-only";
import type { DeskUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { CustomerVisitRow } from "@/lib/db/schema";
import { getEkoConfig } from "@/lib/eko/config";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getSender, SENDER_NOT_ENROLLED } from "@/lib/eko/operations/get-sender";
import { AADHAAR_PENDING, PAN_REQUIRED, verifySenderOtp } from "@/lib/eko/operations/verify-sender-otp";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { recordedCall, type RecordedCallDeps } from "@/lib/ledger/recorded-call";
import { WAIT_MARGIN_MS, whilePending } from "@/lib/ledger/while-pending";
import { logEvent } from "@/lib/log";
import { countLimitHit } from "@/lib/observability/metrics";
import { maskMobile } from "@/lib/privacy/mask";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { notOk } from "./call-outcome";
import { cardOf } from "./customer-card";
import { senderLookUpLimited } from "./sender-limits";
import type { LookUpResult, VerifyResult } from "./visit-result";
import { findVisit, findVisitBySubmission, insertVisit, isVisitId, LOOK_UP_VALID_MS, newVisitId, updateVisit, type VisitChange } from "./visits";
import { sealWalletToken, walletTokenExpiry } from "./wallet-token";

export type Counter = { actor: { agent: string; agentId: string | null; userCode: string }; sessionId: string };
export type CustomerDeps = Partial<RecordedCallDeps>;

/** The agent's own Eko user_code and this sign-in (a customer's verification lives and dies with it); null without a code. */
export function counterFor(user: DeskUser): Counter | null {
  if (!user.userCode) return null;
  return { actor: { agent: user.username, agentId: user.id, userCode: user.userCode }, sessionId: user.sessionId };
}

/** Eko's "wrong or expired OTP" codes, in `status` or (Aadhaar's OTP) `response_status_id`. */
export const WRONG_OTP = new Set([2138, 302, 303]);
const visitState = (row: CustomerVisitRow) => ({ ...row, state: row.state === "looking-up" ? "pending" : row.state });

/** Get Sender (Eko texts an enrolled customer an OTP): one look-up, one SMS, per submission; a repeat gets its answer. */
export async function lookUpCustomer(mobile: string, counter: Counter, submissionId: string, deps: CustomerDeps = {}): Promise<LookUpResult> {
  if (!isSubmissionId(submissionId)) return { status: "failed", reason: "ledger-unavailable", retryAt: null, httpStatus: null };
  const now = deps.now ?? (() => new Date());
  const mobileMasked = maskMobile(mobile);
  let db: Db;
  let visit: CustomerVisitRow | null;
  try {
    db = deps.db ?? (await getDb());
    const protectedMobile = (deps.vault ?? getMobileVault()).protect(mobile);
    const at = now();
    // Claimed before the limits are counted: a repeat of the look-up that filled a window gets that look-up's answer.
    visit = await insertVisit(db, {
      id: newVisitId(),
      sessionId: counter.sessionId,
      agent: counter.actor.agent,
      submissionId,
      ...protectedMobile,
      createdAt: at,
      expiresAt: new Date(at.getTime() + LOOK_UP_VALID_MS),
    });
    if (!visit) return await repeatedLookUp(db, submissionId, deps);
    const limited = await senderLookUpLimited(db, { agent: counter.actor.agent, mobileHash: protectedMobile.customerMobileHash }, at);
    if (limited) {
      logEvent("warn", "customer.look_up_limited", { agent: counter.actor.agent, limit: limited.limit, customer: mobileMasked });
      countLimitHit(limited.limit);
      await updateVisit(db, visit.id, { state: "ended", result: limited });
      return limited;
    }
  } catch (error) {
    logEvent("error", "ledger.write_failed", {
      operation: getSender.name,
      customer: mobileMasked,
      error: error instanceof Error ? error.name : "unknown",
    });
    return { status: "failed", reason: "ledger-unavailable", retryAt: null, httpStatus: null };
  }
  const outcome = await recordedCall(getSender, { customerMobile: mobile }, { actor: counter.actor, customerMobile: mobile }, { ...deps, db });
  let result: LookUpResult;
  if (outcome.kind === "ok") result = { status: "otp-sent", visitId: visit.id, mobileMasked };
  else if (outcome.kind === "rejected" && outcome.codes.status === SENDER_NOT_ENROLLED)
    result = { status: "not-enrolled", visitId: visit.id, mobileMasked };
  else result = notOk(outcome);
  await updateVisit(db, visit.id, {
    state: result.status === "otp-sent" ? "otp-sent" : result.status === "not-enrolled" ? "not-enrolled" : "ended",
    senderOtpRefId: outcome.kind === "ok" ? outcome.data.otp_ref_id : null,
    result,
  }).catch(() => logEvent("error", "ledger.write_failed", { operation: getSender.name, stage: "visit", customer: mobileMasked }));
  return result;
}

/** A look-up already made by this submission: its answer once its call is done (Eko's timeout plus a margin at most). */
async function repeatedLookUp(db: Db, submissionId: string, deps: CustomerDeps): Promise<LookUpResult> {
  const first = await findVisitBySubmission(db, submissionId);
  if (!first) throw new Error("The visit's submission is taken but no row holds it");
  const budget = (deps.config ?? getEkoConfig()).timeoutMs + WAIT_MARGIN_MS;
  const settled = await whilePending(
    visitState(first),
    async () => {
      const row = await findVisitBySubmission(db, submissionId);
      return row ? visitState(row) : undefined;
    },
    budget,
  );
  return (settled.result as LookUpResult | null) ?? { status: "unknown" };
}

/** Verify Sender OTP (intent 19): the wallet token is sealed into the visit, never returned. */
export async function verifyCustomer(visitId: string, otp: string, counter: Counter, deps: CustomerDeps = {}): Promise<VerifyResult> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db ?? (await getDb());
  const visit = isVisitId(visitId) ? await findVisit(db, visitId, counter.sessionId, now()) : undefined;
  if (!visit || !visit.senderOtpRefId || (visit.state !== "otp-sent" && visit.state !== "verified")) return { status: "expired" };
  if (visit.state === "verified") return { status: "verified", visitId };
  const customerMobile = (deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted);
  const clientRefId = newClientRefId(now().getTime());
  const input = { customerMobile, otp, otpRefId: visit.senderOtpRefId, intentId: "19" as const, clientRefId };
  const outcome = await recordedCall(verifySenderOtp, input, { actor: counter.actor, customerMobile, clientRefId }, { ...deps, db });
  if (outcome.kind === "ok") {
    await updateVisit(db, visitId, verifiedChange(outcome.data.wallet_token, outcome.data, customerMobile, now()));
    return { status: "verified", visitId };
  }
  if (outcome.kind === "rejected") {
    const code = outcome.codes.status === 0 ? outcome.codes.responseTypeId : outcome.codes.status;
    if (code === AADHAAR_PENDING || code === PAN_REQUIRED) {
      await updateVisit(db, visitId, { state: code === AADHAAR_PENDING ? "aadhaar-required" : "pan-required" });
      return { status: "kyc-pending", step: code === AADHAAR_PENDING ? "aadhaar" : "pan", eko: outcome.codes };
    }
    if (code !== null && WRONG_OTP.has(code)) return { status: "wrong-otp", eko: outcome.codes };
  }
  return notOk(outcome);
}

/** A verified visit: the wallet token sealed (never returned), the card, and forgotten at the token's expiry. */
export function verifiedChange(walletToken: string, data: Parameters<typeof cardOf>[0], customerMobile: string, now: Date): VisitChange {
  return {
    state: "verified",
    walletTokenSealed: sealWalletToken(walletToken),
    profile: cardOf(data, customerMobile),
    expiresAt: walletTokenExpiry(walletToken, now),
  };
}

/** The same customer looked up again (a new SMS), from their visit: the mobile never travels back from the browser. */
export async function lookUpAgain(
  visitId: string,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps = {},
): Promise<LookUpResult | { status: "expired" }> {
  const db = deps.db ?? (await getDb());
  const visit = isVisitId(visitId) ? await findVisit(db, visitId, counter.sessionId, (deps.now ?? (() => new Date()))()) : undefined;
  if (!visit) return { status: "expired" };
  return lookUpCustomer((deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted), counter, submissionId, { ...deps, db });
}
