"use server";

import { after } from "next/server";
import { z } from "zod";
import { roleAction } from "@/lib/auth/guard";
import { getEkoConfig } from "@/lib/eko/config";
import { normaliseMobile } from "@/lib/otp-requests/mobile";
import { getRecentRecipients } from "@/lib/otp-requests/recent-recipients";
import { createOtpRequestSchema } from "@/lib/otp-requests/schema";
import { requestTransactionOtp } from "@/lib/otp-requests/service";

// Built once: the amount bounds are fixed for the life of the process, and messages are dictionary keys.
let submissionSchema: ReturnType<typeof buildSubmissionSchema> | undefined;
function buildSubmissionSchema() {
  return z.object({
    submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "error.submission.reload" }),
    values: createOtpRequestSchema(getEkoConfig()),
  });
}

/** Agents only; the Eko user_code is the signed-in agent's own, never the form's. */
export const sendOtpAction = roleAction(
  "sendOtp",
  ["agent"],
  () => (submissionSchema ??= buildSubmissionSchema()),
  async ({ submissionId, values }, user) => {
    if (!user.userCode) {
      return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" };
    }
    // The row's completion is written while the answer goes out (`after`): the agent does not wait on the database.
    return requestTransactionOtp(
      values,
      { actor: { agent: user.username, agentId: user.id, userCode: user.userCode }, submissionId },
      { completeAfter: after },
    );
  },
);

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
