import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { CustomerVisitRow } from "@/lib/db/schema";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { getRecipients, type recipientSchema } from "@/lib/eko/operations/get-recipients";
import { listRecentRecipients } from "@/lib/otp-requests/recent-recipients";
import { recordedCall } from "@/lib/ledger/recorded-call";
import { maskAccount, maskMobile } from "@/lib/privacy/mask";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { notOk } from "./call-outcome";
import { cardNow } from "./room-left";
import type { Counter, CustomerDeps } from "./service";
import type { CustomerCard, CustomerForForm, RecipientChoice, RecipientsResult, VisitNote } from "./visit-result";
import { findVisit, isVisitId, updateVisit } from "./visits";

const NEFT = 2;
/** How long a recipient list read from Eko is shown again without asking Eko. */
const RECIPIENTS_FRESH_MS = 60_000;

/** Eko's `channel` 2 is NEFT only; anything else allows IMPS (and NEFT, which every bank takes). */
export function choiceOf(r: z.output<typeof recipientSchema>): Omit<RecipientChoice, "recent"> {
  const channel = r.channel ?? r.allowed_channel ?? 0;
  return {
    recipientId: r.recipient_id,
    beneficiaryId: r.beneficiary_id ? String(r.beneficiary_id) : null,
    name: r.recipient_name.trim(),
    bank: r.bank.trim(),
    accountMasked: maskAccount(r.account.trim()),
    ifsc: r.ifsc.trim(),
    channel: channel === NEFT ? NEFT : 0,
    channels: channel === NEFT ? ["NEFT"] : ["IMPS", "NEFT"],
    verified: r.is_verified === 1,
  };
}

/** The session's verified visit, or null: signed out, expired, another agent's, or never verified. */
export async function verifiedVisit(db: Db, visitId: string, sessionId: string, now: Date): Promise<CustomerVisitRow | null> {
  const visit = isVisitId(visitId) ? await findVisit(db, visitId, sessionId, now) : undefined;
  return visit?.state === "verified" && visit.walletTokenSealed ? visit : null;
}

/** This agent's recent choices for this customer first (latest first), then Eko's order. */
export function sortedChoices(choices: Omit<RecipientChoice, "recent">[], recentIds: number[]): RecipientChoice[] {
  const rank = (id: number) => {
    const at = recentIds.indexOf(id);
    return at === -1 ? recentIds.length : at;
  };
  return choices.map((c) => ({ ...c, recent: recentIds.includes(c.recipientId) })).sort((a, b) => rank(a.recipientId) - rank(b.recipientId));
}

/** Get Recipients, kept on the visit: what the browser picks is checked against it, and channel and bank come from it. */
export async function customerRecipients(visitId: string, counter: Counter, deps: CustomerDeps = {}): Promise<RecipientsResult> {
  return (await readRecipients(visitId, counter, deps)).result;
}

type Read = { result: RecipientsResult; card: CustomerCard | null; customerMobile: string | null };

async function readRecipients(visitId: string, counter: Counter, deps: CustomerDeps): Promise<Read> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db ?? (await getDb());
  const visit = await verifiedVisit(db, visitId, counter.sessionId, now());
  if (!visit) return { result: { status: "expired" }, card: null, customerMobile: null };
  const customerMobile = (deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted);
  const known = visit.profile as CustomerCard | null;
  const recent = async () => {
    const rows = await listRecentRecipients(db, { agent: counter.actor.agent, mobileHash: visit.customerMobileHash, limit: 20 });
    return [...new Set(rows.map((r) => Number(r.recipientId)))];
  };
  // The page is drawn again after each send and answer: a list read moments ago is not asked of Eko again.
  const cached = visit.recipients as RecipientChoice[] | null;
  if (cached && visit.recipientsReadAt && now().getTime() - visit.recipientsReadAt.getTime() < RECIPIENTS_FRESH_MS) {
    const recipients = sortedChoices(cached, await recent());
    return {
      result: { status: "ok", recipients, panRequiredFrom: known?.panRequiredFrom ?? null },
      card: known && (await cardNow(db, known, visit)),
      customerMobile,
    };
  }
  const clientRefId = newClientRefId(now().getTime());
  const outcome = await recordedCall(getRecipients, { customerMobile }, { actor: counter.actor, customerMobile, clientRefId }, { ...deps, db });
  if (outcome.kind !== "ok") return { result: notOk(outcome), card: known && (await cardNow(db, known, visit)), customerMobile };
  const recipients = sortedChoices(outcome.data.recipient_list.map(choiceOf), await recent());
  const panRequiredFrom = outcome.data.remaining_limit_before_pan_required ?? null;
  const card = known ? { ...known, panRequired: outcome.data.pan_required === 1, panRequiredFrom } : null;
  await updateVisit(db, visitId, { recipients, recipientsReadAt: now(), ...(card ? { profile: card } : {}) });
  return { result: { status: "ok", recipients, panRequiredFrom }, card: card && (await cardNow(db, card, visit)), customerMobile };
}

export async function customerForForm(visitId: string, counter: Counter, picked: number | null, deps: CustomerDeps = {}) {
  const { result, card, customerMobile } = await readRecipients(visitId, counter, deps);
  if (result.status !== "ok" || !customerMobile) return { status: "error" as const, result, card };
  const customer: CustomerForForm = {
    visitId,
    mobileMasked: maskMobile(customerMobile),
    recipients: result.recipients,
    picked: result.recipients.some((r) => r.recipientId === picked) ? picked : null,
    remaining: card?.remaining ?? null,
  };
  return { status: "ok" as const, customer, card };
}

export async function visitSummary(visitId: string, sessionId: string, deps: CustomerDeps = {}) {
  const db = deps.db ?? (await getDb());
  const visit = isVisitId(visitId) ? await findVisit(db, visitId, sessionId, (deps.now ?? (() => new Date()))()) : undefined;
  if (!visit) return null;
  return {
    id: visit.id,
    state: visit.state,
    mobileMasked: maskMobile(visit.customerMobileLast4),
    card: (visit.profile as CustomerCard | null) ?? null,
    recipients: (visit.recipients as RecipientChoice[] | null) ?? null,
    /** The enrolment's note: the Aadhaar OTP's masked mobile, or why the customer is to be verified again. */
    note: noteOf(visit.result),
    expiresAt: visit.expiresAt.toISOString(),
  };
}

const noteOf = (result: unknown): VisitNote | null => (result as { note?: VisitNote } | null)?.note ?? null;

export type VisitSummary = NonNullable<Awaited<ReturnType<typeof visitSummary>>>;

export type Picked =
  | { ok: true; customerMobile: string; choice: RecipientChoice }
  | { ok: false; fieldErrors: Partial<Record<"recipientId" | "amount", string>>; formError: string | null };

/** A picked recipient checked against Eko's list and the customer's room: Send OTP takes its customer and channel from here. */
export async function pickedRecipient(
  db: Db,
  pick: { visitId: string; sessionId: string; recipientId: number; amount: number },
  now: Date,
  deps: CustomerDeps = {},
): Promise<Picked> {
  const visit = await verifiedVisit(db, pick.visitId, pick.sessionId, now);
  if (!visit) return { ok: false, fieldErrors: {}, formError: "error.visit.expired" };
  const choice = ((visit.recipients as RecipientChoice[] | null) ?? []).find((r) => r.recipientId === pick.recipientId);
  if (!choice) return { ok: false, fieldErrors: { recipientId: "error.recipient.notInList" }, formError: null };
  const profile = visit.profile as CustomerCard | null;
  const remaining = profile && (await cardNow(db, profile, visit)).remaining;
  if (remaining != null && pick.amount > remaining) return { ok: false, fieldErrors: { amount: "error.amount.overRemaining" }, formError: null };
  return { ok: true, customerMobile: (deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted), choice };
}
