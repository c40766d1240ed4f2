import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { CustomerVisitRow, VisitState } from "@/lib/db/schema";
import { newClientRefId } from "@/lib/eko/client-ref-id";
import type { EkoCodes } from "@/lib/eko/envelope";
import type { EkoOperation } from "@/lib/eko/operation";
import { validateAadhaar as validateAadhaarOp, verifyAadhaarOtp, type Wallet } from "@/lib/eko/operations/aadhaar";
import { onboardSender } from "@/lib/eko/operations/onboard-sender";
import { validatePan as validatePanOp, type kycProfileData } from "@/lib/eko/operations/validate-pan";
import { AADHAAR_PENDING, PAN_REQUIRED } from "@/lib/eko/operations/verify-sender-otp";
import type { MessageKey } from "@/lib/i18n/translate";
import { recordedCall, saveCallResult, type RecordedOutcome, type Repeated } from "@/lib/ledger/recorded-call";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { notOk } from "./call-outcome";
import type { NewCustomer } from "./enrolment-form";
import { answerOfSubmission, firstAnswer } from "./first-answer";
import { verifiedChange, WRONG_OTP, type Counter, type CustomerDeps } from "./service";
import type { EnrolField, EnrolResult, KycResult, KycStep, LookUpResult, VerifyAgain, VisitNote } from "./visit-result";
import { findVisit, isVisitId, LOOK_UP_VALID_MS, updateVisit, type VisitChange } from "./visits";
import { openWalletToken } from "./wallet-token";

/** Eko's answer to a KYC step or onboarding for a customer already through KYC. */
export const KYC_ALREADY_APPROVED = 585;
/** Eko's "invalid wallet token" (Validate Aadhaar's fixture puts it in `response_status_id`). */
const WALLET_TOKEN_REFUSED = 463;

/** Eko's invalid_params, on the form's own fields, in the desk's own words (both languages); Eko's stay in the alert. */
const ENROL_FIELDS: Record<string, readonly [EnrolField, MessageKey]> = {
  name: ["name", "error.enrol.name.format"],
  dob: ["dob", "error.enrol.dob.format"],
  residence_address: ["street", "error.enrol.address.refused"],
};
const KYC_FIELDS: Record<string, readonly ["aadhaar" | "pan" | "otp", MessageKey]> = {
  aadhar: ["aadhaar", "error.aadhaar.format"],
  pan_number: ["pan", "error.pan.format"],
  otp: ["otp", "error.senderOtp.format"],
};
const fieldErrorsOf = <F extends string>(
  invalidParams: Record<string, string>,
  map: Record<string, readonly [F, MessageKey]>,
): Partial<Record<F, string>> =>
  Object.fromEntries(Object.keys(invalidParams).flatMap((param) => (map[param] ? [map[param]] : []))) as Partial<Record<F, string>>;

type Step = { visit: CustomerVisitRow; customerMobile: string; db: Db; now: () => Date };

/**
 * This session's own visit in one of `states`, with the customer's mobile, or the answer to give instead: a repeat of
 * a submission whose step has since moved the visit on is shown that step's answer; anything else has ended.
 */
async function visitIn<R>(
  visitId: string,
  states: VisitState[],
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps,
  unknown: R,
): Promise<Step | { answer: R | { status: "expired" } }> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db ?? (await getDb());
  const visit = isVisitId(visitId) && isSubmissionId(submissionId) ? await findVisit(db, visitId, counter.sessionId, now()) : undefined;
  if (!visit) return { answer: { status: "expired" } };
  if (!states.includes(visit.state)) return { answer: (await answerOfSubmission(db, submissionId, deps, unknown)) ?? { status: "expired" } };
  return { visit, customerMobile: (deps.vault ?? getMobileVault()).decrypt(visit.customerMobileEncrypted), db, now };
}

/** Each step done gives the agent a fresh look-up's time for the next: KYC at the counter takes a while. */
const nextStep = (step: Step, change: VisitChange): VisitChange => ({ expiresAt: new Date(step.now().getTime() + LOOK_UP_VALID_MS), ...change });
const withNote = (visit: CustomerVisitRow, note: VisitNote) => ({ ...(visit.result as LookUpResult), note });

/** Once per submission: a repeat is shown the first arrival's answer (saved on its ledger row) and calls nothing. */
async function once<Input, Data, R>(
  step: Step,
  operation: EkoOperation<Input, Data>,
  input: Omit<Input, "customerMobile" | "clientRefId">,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps,
  answer: (outcome: Answered<Data>) => Promise<R>,
  unknown: R,
): Promise<R> {
  const clientRefId = newClientRefId(step.now().getTime());
  const full = { ...input, customerMobile: step.customerMobile, clientRefId } as Input;
  const context = { actor: counter.actor, customerMobile: step.customerMobile, clientRefId, submissionId };
  const outcome = await recordedCall(operation, full, context, { ...deps, db: step.db });
  if (outcome.kind === "repeated") return firstAnswer(step.db, outcome.firstClientRefId, deps, unknown);
  const result = await answer(outcome);
  await saveCallResult(step.db, clientRefId, result);
  return result;
}

/** Onboard Sender for a customer Get Sender found not enrolled: Eko texts them the verification OTP (intent 19). */
export async function enrolCustomer(
  visitId: string,
  customer: NewCustomer,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps = {},
): Promise<EnrolResult> {
  const unknown: EnrolResult = { status: "unknown" };
  const step = await visitIn(visitId, ["not-enrolled"], counter, submissionId, deps, unknown);
  if ("answer" in step) return step.answer;
  const input = { name: customer.name, dob: customer.dob, address: [customer.street, customer.city, customer.state, customer.pincode] as const };
  return once(
    step,
    onboardSender,
    input,
    counter,
    submissionId,
    deps,
    async (outcome): Promise<EnrolResult> => {
      if (outcome.kind === "ok") {
        await updateVisit(step.db, visitId, nextStep(step, { state: "otp-sent", senderOtpRefId: outcome.data.otp_ref_id }));
        return { status: "otp-sent", visitId };
      }
      if (outcome.kind === "rejected")
        return {
          status: "rejected",
          eko: outcome.codes,
          invalidParams: outcome.invalidParams,
          fieldErrors: fieldErrorsOf(outcome.invalidParams, ENROL_FIELDS),
        };
      return notOk(outcome) as EnrolResult;
    },
    unknown,
  );
}

/** The wallet the desk holds for the customer: empty until Eko has opened it (as Eko's own PAN sample sends). */
const walletOf = (visit: CustomerVisitRow): Wallet => ({
  walletToken: visit.walletTokenSealed ? openWalletToken(visit.walletTokenSealed) : "",
  walletId: "",
});

/** Which code names Eko's answer: `status`, else (a 0 or 1 status) its `response_status_id` or response type. */
function answerCode(eko: EkoCodes): number | null {
  if (eko.status === 0) return eko.responseTypeId;
  if (eko.status === 1 && eko.responseStatusId !== null && eko.responseStatusId > 1) return eko.responseStatusId;
  return eko.status;
}

type Answered<Data> = Exclude<RecordedOutcome<Data>, Repeated>;
type KycAnswer = Answered<z.output<typeof kycProfileData>> | Exclude<Answered<unknown>, { kind: "ok" }>;

/** Whatever Eko asks next after a KYC step becomes the visit's next state; a refusal is said on the step's form. */
async function followEko(step: Step, kyc: KycStep, outcome: KycAnswer): Promise<KycResult> {
  const visitId = step.visit.id;
  const verifyAgain = async (reason: VerifyAgain, profile?: VisitChange["profile"]): Promise<KycResult> => {
    await updateVisit(
      step.db,
      visitId,
      nextStep(step, {
        state: "ended",
        walletTokenSealed: null,
        ...(profile ? { profile } : {}),
        result: withNote(step.visit, { status: "verify-again", reason }),
      }),
    );
    return { status: "next", visitId };
  };
  if (outcome.kind === "ok") {
    const { customer_profile: profile, wallet_token: token } = outcome.data;
    if (profile && token) {
      await updateVisit(step.db, visitId, verifiedChange(token, { ...outcome.data, customer_profile: profile }, step.customerMobile, step.now()));
      return { status: "next", visitId };
    }
    // Eko's published success carries no wallet token: the card opens after a fresh verification.
    return verifyAgain("kyc-done");
  }
  if (outcome.kind !== "rejected") return outcome.kind === "unknown" ? { status: "unknown", step: kyc } : (notOk(outcome) as KycResult);
  const code = answerCode(outcome.codes);
  if (code === AADHAAR_PENDING || code === PAN_REQUIRED) {
    await updateVisit(
      step.db,
      visitId,
      nextStep(step, { state: code === AADHAAR_PENDING ? "aadhaar-required" : "pan-required", senderOtpRefId: null }),
    );
    return { status: "next", visitId };
  }
  if (code === KYC_ALREADY_APPROVED) return verifyAgain("already-approved");
  if (code === WALLET_TOKEN_REFUSED && outcome.codes.status !== WALLET_TOKEN_REFUSED) return verifyAgain("wallet-token");
  if (kyc === "aadhaar-otp" && code !== null && WRONG_OTP.has(code)) return { status: "wrong-otp", eko: outcome.codes };
  return {
    status: "rejected",
    step: kyc,
    eko: outcome.codes,
    invalidParams: outcome.invalidParams,
    fieldErrors: fieldErrorsOf(outcome.invalidParams, KYC_FIELDS),
  };
}

/** Validate Aadhaar: Eko texts the OTP of the customer's Aadhaar. The number goes to Eko and nowhere else. */
export async function validateAadhaar(
  visitId: string,
  aadhaar: string,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps = {},
): Promise<KycResult> {
  const unknown: KycResult = { status: "unknown", step: "aadhaar" };
  const step = await visitIn(visitId, ["aadhaar-required", "aadhaar-otp-sent"], counter, submissionId, deps, unknown);
  if ("answer" in step) return step.answer;
  return once(
    step,
    validateAadhaarOp,
    { aadhaar, ...walletOf(step.visit) },
    counter,
    submissionId,
    deps,
    async (outcome): Promise<KycResult> => {
      if (outcome.kind !== "ok") return followEko(step, "aadhaar", outcome);
      const note: VisitNote = { status: "aadhaar-otp-sent", mobileHint: outcome.data.mobile_hint?.trim() || null };
      await updateVisit(
        step.db,
        visitId,
        nextStep(step, { state: "aadhaar-otp-sent", senderOtpRefId: outcome.data.otp_ref_id, result: withNote(step.visit, note) }),
      );
      return { status: "next", visitId };
    },
    unknown,
  );
}

/** Verify Aadhaar OTP (intent 20), then whatever Eko asks next: PAN, or the customer verified. */
export async function verifyAadhaar(
  visitId: string,
  otp: string,
  counter: Counter,
  submissionId: string,
  deps: CustomerDeps = {},
): Promise<KycResult> {
  const unknown: KycResult = { status: "unknown", step: "aadhaar-otp" };
  const step = await visitIn(visitId, ["aadhaar-otp-sent"], counter, submissionId, deps, unknown);
  if ("answer" in step) return step.answer;
  if (!step.visit.senderOtpRefId) return { status: "expired" };
  const input = { otp, otpRefId: step.visit.senderOtpRefId, ...walletOf(step.visit) };
  return once(step, verifyAadhaarOtp, input, counter, submissionId, deps, (outcome) => followEko(step, "aadhaar-otp", outcome), unknown);
}

/** Validate PAN: a higher limit once Eko has it. The PAN goes to Eko and nowhere else. */
export async function validatePan(visitId: string, pan: string, counter: Counter, submissionId: string, deps: CustomerDeps = {}): Promise<KycResult> {
  const unknown: KycResult = { status: "unknown", step: "pan" };
  const step = await visitIn(visitId, ["pan-required"], counter, submissionId, deps, unknown);
  if ("answer" in step) return step.answer;
  return once(
    step,
    validatePanOp,
    { pan, ...walletOf(step.visit) },
    counter,
    submissionId,
    deps,
    (outcome) => followEko(step, "pan", outcome),
    unknown,
  );
}
