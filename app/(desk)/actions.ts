"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { sessionCookieSettings } from "@/lib/auth/auth";
import { roleAction } from "@/lib/auth/guard";
import { sessionProof } from "@/lib/auth/session-fast-path";
import { getEkoConfig } from "@/lib/eko/config";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { getRecentRecipients } from "@/lib/otp-requests/recent-recipients";
import { createOtpRequestSchema } from "@/lib/otp-requests/schema";
import { requestTransactionOtp, requestTransactionOtpForSession } from "@/lib/otp-requests/service";

// Built once: the amount bounds are fixed for the life of the process, and messages are dictionary keys.
let submissionSchema: ReturnType<typeof buildSubmissionSchema> | undefined;
function buildSubmissionSchema() {
  return z.object({
    submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "error.submission.reload" }),
    values: createOtpRequestSchema(getEkoConfig()),
  });
}

const submission = () => (submissionSchema ??= buildSubmissionSchema());

/** Agents only, through the same guard as every other action; the Eko user_code is the agent's own, never the form's. */
const sendThroughGuard = roleAction("sendOtp", ["agent"], submission, async ({ submissionId, values }, user) => {
  if (!user.userCode) {
    return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" };
  }
  // The row's completion is written while the answer goes out (`after`): the agent does not wait on the database.
  return requestTransactionOtp(
    values,
    { actor: { agent: user.username, agentId: user.id, userCode: user.userCode }, submissionId },
    { completeAfter: after },
  );
});

/**
 * The agent's Send OTP. The common case, a validly signed session cookie and a valid form, reads the session inside
 * the admission's own database round trip (`requestTransactionOtpForSession`): one round trip fewer on every send.
 * Whatever that cannot vouch for (signed out, expired, refresh due, disabled, not an agent, no Eko user code) has
 * written nothing and goes through the guard, which answers it as it answers every action.
 */
export async function sendOtpAction(raw: unknown) {
  const proof = sessionProof((await headers()).get("cookie"), await sessionCookieSettings());
  const parsed = proof ? submission().safeParse(raw) : null;
  if (proof && parsed?.success) {
    const { submissionId, values } = parsed.data;
    const result = await requestTransactionOtpForSession(values, { session: proof, submissionId }, { completeAfter: after });
    if (result) return result;
  }
  return sendThroughGuard(raw);
}

const recentRecipientsSchema = z.object({
  customerMobile: z
    .string()
    .max(20)
    .transform((value, ctx) => normaliseMobile(value) ?? (ctx.addIssue({ code: "custom", message: "error.customerMobile.invalid" }), z.NEVER)),
});

/** Agents only, and only their own ledger rows: the recipients this agent sent OTPs to for this customer. */
export const recentRecipientsAction = roleAction("recentRecipients", ["agent"], recentRecipientsSchema, async ({ customerMobile }, user) => ({
  status: "ok" as const,
  recipients: await getRecentRecipients(user.username, customerMobile),
}));
