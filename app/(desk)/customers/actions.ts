"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { extend } from "zod/mini";
import { guardedFormAction, type InvalidInput } from "@/lib/auth/guard";
import { addCustomerRecipient } from "@/lib/customers/add-recipient";
import { enrolCustomer, validateAadhaar, validatePan, verifyAadhaar } from "@/lib/customers/enrolment";
import { aadhaarOtpSchema, aadhaarSchema, enrolSchema, panSchema } from "@/lib/customers/enrolment-form";
import { readSenderOtp } from "@/lib/customers/fields";
import type { KycResult } from "@/lib/customers/visit-result";
import { readNewRecipient } from "@/lib/customers/new-recipient";
import { counterFor, lookUpAgain, lookUpCustomer, verifyCustomer } from "@/lib/customers/service";
import { isVisitId } from "@/lib/customers/visit-id";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { readCustomerMobile, type FieldRead } from "@/lib/otp-requests/fields";

/** A form field read by one of the shared readers (the browser checks with the same): its message is a dictionary key. */
const read = <T>(reader: (input: unknown) => FieldRead<T>) =>
  z.unknown().transform((input, ctx) => {
    const result = reader(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
const submissionId = z.string().refine(isSubmissionId, { error: "error.submission.reload" });
const visitId = z.string().refine(isVisitId, { error: "error.visit.expired" });

const NO_USER_CODE: InvalidInput = { status: "invalid", fieldErrors: {}, formError: "error.noUserCode" };

/** An answered submission is spent: the form's next try goes with a fresh id, made here so it works without script. */
const spent = <R extends object>(result: R) => ({ ...result, nextSubmissionId: randomUUID() });

/** The customer's mobile: Get Sender. An enrolled customer is texted an OTP, and the agent goes on to their page. */
export const lookUpCustomerAction = guardedFormAction(
  "lookUpCustomer",
  "counter",
  z.object({ customerMobile: read(readCustomerMobile), submissionId }),
  async ({ customerMobile, submissionId: id }, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    const result = await lookUpCustomer(customerMobile, counter, id);
    // An enrolled customer's page asks for the OTP; a new customer's, for their details.
    if (result.status === "otp-sent" || result.status === "not-enrolled") redirect(`/customers/${result.visitId}`);
    return spent(result);
  },
);

/** "Send the OTP again": a new look-up of the same customer, without the mobile travelling back from the browser. */
export const lookUpAgainAction = guardedFormAction("lookUpAgain", "counter", z.object({ visitId, submissionId }), async (input, user) => {
  const counter = counterFor(user);
  if (!counter) return NO_USER_CODE;
  const result = await lookUpAgain(input.visitId, counter, input.submissionId);
  if (result.status === "otp-sent" || result.status === "not-enrolled") redirect(`/customers/${result.visitId}`);
  return spent(result);
});

/** The OTP the customer read out: Verify Sender OTP. The wallet token stays on the server. */
export const verifyCustomerAction = guardedFormAction(
  "verifyCustomer",
  "counter",
  z.object({ visitId, otp: read(readSenderOtp) }),
  async (input, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    const result = await verifyCustomer(input.visitId, input.otp, counter);
    // KYC pending: the customer's page shows the step Eko asks for.
    if (result.status === "verified" || result.status === "kyc-pending") redirect(`/customers/${input.visitId}`);
    return result;
  },
);

/** A new recipient for the verified customer; back on the customer's page with it picked. */
export const addRecipientAction = guardedFormAction(
  "addRecipient",
  "counter",
  z.preprocess(
    (fields) => {
      const { visitId: visit, submissionId: id, ...typed } = (fields ?? {}) as Record<string, unknown>;
      return { visitId: visit, submissionId: id, recipient: typed };
    },
    z.object({
      visitId,
      submissionId,
      recipient: z.unknown().transform((typed, ctx) => {
        const result = readNewRecipient(typed as Record<string, unknown>);
        if (result.ok) return result.value;
        for (const [field, message] of Object.entries(result.errors)) ctx.addIssue({ code: "custom", path: [field], message });
        return z.NEVER;
      }),
    }),
  ),
  async (input, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    const result = await addCustomerRecipient(input.visitId, input.recipient, counter, input.submissionId);
    if (result.status === "added") redirect(`/customers/${input.visitId}?picked=${result.recipient.recipientId}`);
    return spent(result);
  },
);

/** A KYC step moved the visit on: its page shows what Eko asks next. Otherwise the form says why, with a fresh id. */
const kycAnswer = (visit: string, result: KycResult) => {
  if (result.status === "next") redirect(`/customers/${visit}`);
  return spent(result);
};

/** A customer Get Sender found not enrolled: Onboard Sender with their details, then the verification OTP. */
export const enrolCustomerAction = guardedFormAction(
  "enrolCustomer",
  "counter",
  extend(enrolSchema, { visitId, submissionId }),
  async (input, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    const { visitId: visit, submissionId: id, ...customer } = input;
    const result = await enrolCustomer(visit, customer, counter, id);
    if (result.status === "otp-sent") redirect(`/customers/${visit}`);
    return spent(result);
  },
);

/** The customer's Aadhaar number, to Eko and nowhere else (the guard never echoes a field named `aadhaar`). */
export const validateAadhaarAction = guardedFormAction(
  "validateAadhaar",
  "counter",
  extend(aadhaarSchema, { visitId, submissionId }),
  async (input, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    return kycAnswer(input.visitId, await validateAadhaar(input.visitId, input.aadhaar, counter, input.submissionId));
  },
);

export const verifyAadhaarAction = guardedFormAction(
  "verifyAadhaar",
  "counter",
  extend(aadhaarOtpSchema, { visitId, submissionId }),
  async (input, user) => {
    const counter = counterFor(user);
    if (!counter) return NO_USER_CODE;
    return kycAnswer(input.visitId, await verifyAadhaar(input.visitId, input.otp, counter, input.submissionId));
  },
);

/** The customer's PAN, to Eko and nowhere else (the guard never echoes a field named `pan`). */
export const validatePanAction = guardedFormAction("validatePan", "counter", extend(panSchema, { visitId, submissionId }), async (input, user) => {
  const counter = counterFor(user);
  if (!counter) return NO_USER_CODE;
  return kycAnswer(input.visitId, await validatePan(input.visitId, input.pan, counter, input.submissionId));
});
