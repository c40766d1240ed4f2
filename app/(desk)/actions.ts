"use server";

import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { z } from "zod";
import type { DeskUser } from "@/lib/auth/current-user";
import { guardedAction, guardedFormAction } from "@/lib/auth/guard";
import { getEkoConfig } from "@/lib/eko/config";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { getRecentRecipients } from "@/lib/otp-requests/recent-recipients";
import type { OtpRequestInput } from "@/lib/otp-requests/fields";
import { createOtpRequestSchema } from "@/lib/otp-requests/schema";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { isSubmissionId } from "@/lib/otp-requests/submissions";

const SUBMISSION_ID = z.string().refine(isSubmissionId, { error: "error.submission.reload" });

// Built once: the amount bounds are fixed for the life of the process, and messages are dictionary keys.
let submissionSchema: ReturnType<typeof buildSubmissionSchema> | undefined;
function buildSubmissionSchema() {
  return z.object({ submissionId: SUBMISSION_ID, values: createOtpRequestSchema(getEkoConfig()) });
}

const submission = () => (submissionSchema ??= buildSubmissionSchema());

/** The agent's own Eko user_code, never the form's; the row's completion is written while the answer goes out. */
async function sendFor(user: DeskUser, submissionId: string, values: OtpRequestInput) {
  if (!user.userCode) {
    return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" };
  }
  return requestTransactionOtp(
    values,
    { actor: { agent: user.username, agentId: user.id, userCode: user.userCode }, submissionId, sessionId: user.sessionId },
    { completeAfter: after },
  );
}

/** The agent's Send OTP: agents only, through the same guard as every other action. */
export const sendOtpAction = guardedAction("sendOtp", "counter", submission, async ({ submissionId, values }, user) =>
  sendFor(user, submissionId, values),
);

// The form as posted without the page's script: flat text fields, the confirmation step's answer among them.
let postedSchema: ReturnType<typeof buildPostedSchema> | undefined;
function buildPostedSchema() {
  const values = createOtpRequestSchema(getEkoConfig());
  return z.preprocess(
    (fields) => {
      const { confirmed, submissionId, ...typed } = (fields ?? {}) as Record<string, string>;
      return { confirmed, submissionId: submissionId || undefined, typed, values: typed };
    },
    z.object({
      confirmed: z.literal("1").optional(),
      submissionId: SUBMISSION_ID.optional(),
      typed: z.object({
        recipientId: z.string(),
        amount: z.string(),
        customerMobile: z.string().default(""),
        beneficiaryId: z.string().optional(),
        visitId: z.string().optional(),
      }),
      values,
    }),
  );
}

/**
 * Where the transfer form posts before (or without) the page's script. The first post only checks and asks for the
 * agent's word, as the dialog does; the confirmation posts again with a submission id made here, so a resent page
 * is still one Eko call.
 */
export const sendOtpFormAction = guardedFormAction(
  "sendOtpForm",
  "counter",
  () => (postedSchema ??= buildPostedSchema()),
  async ({ confirmed, submissionId, typed, values }, user) => {
    if (!confirmed || !submissionId) return { status: "confirm" as const, typed, details: values, submissionId: randomUUID() };
    return { ...(await sendFor(user, submissionId, values)), typed };
  },
);

const recentRecipientsSchema = z.object({
  customerMobile: z
    .string()
    .max(20)
    .transform((value, ctx) => normaliseMobile(value) ?? (ctx.addIssue({ code: "custom", message: "error.customerMobile.invalid" }), z.NEVER)),
});

/** Agents only, and only their own ledger rows: the recipients this agent sent OTPs to for this customer. */
export const recentRecipientsAction = guardedAction("recentRecipients", "counter", recentRecipientsSchema, async ({ customerMobile }, user) => ({
  status: "ok" as const,
  recipients: await getRecentRecipients(user.username, customerMobile),
}));
