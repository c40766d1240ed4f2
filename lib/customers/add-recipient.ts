import "server-only";
import { getDb } from "@/lib/db/client";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import { addRecipient } from "@/lib/eko/operations/add-recipient";
import { addRecipientBank } from "@/lib/eko/operations/add-recipient-bank";
import { recordedCall, saveCallResult } from "@/lib/ledger/recorded-call";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { maskAccount } from "@/lib/privacy/mask";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { bankOfIfsc } from "./banks";
import { notOk } from "./call-outcome";
import { firstAnswer } from "./first-answer";
import type { NewRecipient } from "./new-recipient";
import { verifiedVisit } from "./recipients";
import type { Counter, CustomerDeps } from "./service";
import type { AddRecipientResult, NewRecipientField, RecipientChoice } from "./visit-result";
import { updateVisit } from "./visits";
import { openWalletToken } from "./wallet-token";

/** Eko's invalid_params, on the form's own fields where they name one. */
const FIELD_OF: Record<string, NewRecipientField> = {
  recipient_name: "name",
  recipient_mobile: "mobile",
  account: "account",
  ifsc: "ifsc",
  account_type: "accountType",
};
function fieldErrorsOf(invalidParams: Record<string, string>): Partial<Record<NewRecipientField, string>> {
  return Object.fromEntries(Object.entries(invalidParams).flatMap(([param, text]) => (FIELD_OF[param] ? [[FIELD_OF[param], text]] : [])));
}

/**
 * A new recipient for the verified customer: Add Recipient (a `recipient_id`), then Add Recipient Bank with the
 * customer's wallet token (a `beneficiary_id`), and the new recipient joins the visit's list, picked. One submission
 * adds at most one recipient: a repeat is shown the first arrival's answer. The account number goes to Eko only.
 */
export async function addCustomerRecipient(
  visitId: string,
  recipient: NewRecipient,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps = {},
): Promise<AddRecipientResult> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db ?? (await getDb());
  const visit = await verifiedVisit(db, visitId, counter.sessionId, now());
  if (!visit?.walletTokenSealed || !isSubmissionId(submissionId)) return { status: "expired" };
  const customerMobile = (deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted);
  const context = { actor: counter.actor, customerMobile };

  const clientRefId = newClientRefId(now().getTime());
  const input = { ...recipient, customerMobile, clientRefId };
  const added = await recordedCall(addRecipient, input, { ...context, clientRefId, submissionId }, { ...deps, db });
  if (added.kind === "repeated")
    return firstAnswer<AddRecipientResult>(db, added.firstClientRefId, deps, { status: "unknown", step: "recipient" }, 2);
  const answer = async (result: AddRecipientResult) => {
    await saveCallResult(db, clientRefId, result);
    return result;
  };
  if (added.kind === "rejected") {
    return answer({
      status: "rejected",
      step: "recipient",
      eko: added.codes,
      invalidParams: added.invalidParams,
      fieldErrors: fieldErrorsOf(added.invalidParams),
    });
  }
  if (added.kind !== "ok") return answer({ ...notOk(added), step: "recipient" } as AddRecipientResult);

  const recipientId = added.data.recipient_id;
  const bankRefId = newClientRefId(now().getTime());
  const walletToken = openWalletToken(visit.walletTokenSealed);
  const bankInput = { customerMobile, recipientId, walletToken, clientRefId: bankRefId };
  const bank = await recordedCall(addRecipientBank, bankInput, { ...context, clientRefId: bankRefId, aboutRefId: clientRefId }, { ...deps, db });
  if (bank.kind === "rejected")
    return answer({ status: "rejected", step: "bank", eko: bank.codes, invalidParams: bank.invalidParams, fieldErrors: {} });
  if (bank.kind !== "ok") return answer({ ...notOk(bank), step: "bank" } as AddRecipientResult);

  const choice: RecipientChoice = {
    recipientId,
    beneficiaryId: bank.data.beneficiary_id,
    name: recipient.name,
    bank: bankOfIfsc(recipient.ifsc) ?? recipient.ifsc.slice(0, 4),
    accountMasked: maskAccount(recipient.account),
    ifsc: recipient.ifsc,
    channel: 0,
    channels: ["IMPS", "NEFT"],
    verified: false,
    recent: false,
  };
  const known = ((visit.recipients as RecipientChoice[] | null) ?? []).filter((r) => r.recipientId !== recipientId);
  // Listed at once, and the list read from Eko again on the next page (its channel and masking are Eko's word).
  await updateVisit(db, visitId, { recipients: [choice, ...known], recipientsReadAt: null });
  return answer({ status: "added", recipient: choice });
}
