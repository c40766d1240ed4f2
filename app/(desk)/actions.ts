"use server";

import { z } from "zod";
import { roleAction } from "@/lib/auth/guard";
import { getEkoConfig } from "@/lib/eko/config";
import { createOtpRequestSchema } from "@/lib/otp-requests/schema";
import { requestTransactionOtp } from "@/lib/otp-requests/service";

// Built once: the amount bounds are fixed for the life of the process.
let submissionSchema: ReturnType<typeof buildSubmissionSchema> | undefined;
function buildSubmissionSchema() {
  return z.object({
    submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "Reload the page and try again." }),
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
      return { status: "invalid" as const, fieldErrors: {}, formError: "Your account has no Eko user_code yet. Ask an admin to set it." };
    }
    return requestTransactionOtp(values, { actor: { agent: user.username, agentId: user.id, userCode: user.userCode }, submissionId });
  },
);
