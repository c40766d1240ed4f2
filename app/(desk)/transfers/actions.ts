"use server";

import { z } from "zod";
import { guardedFormAction } from "@/lib/auth/guard";
import { readCustomerOtp } from "@/lib/transfers/fields";
import { checkTransferNow } from "@/lib/transfers/inquiries";
import { getAgentTransfer } from "@/lib/transfers/queries";
import { initiateTransfer } from "@/lib/transfers/service";
import { readLatlong } from "@/lib/transfers/fields";
import { transferViewOf } from "@/lib/transfers/view";

const DESK_REF = z.string().regex(/^[0-9A-Z]{1,20}$/, { error: "error.form.unusable" });

const transferSchema = z.object({
  otpRequestRef: DESK_REF,
  submissionId: z.string().max(64),
  otp: z.string().transform((value, ctx) => {
    const read = readCustomerOtp(value);
    if (read.ok) return read.value;
    ctx.addIssue({ code: "custom", message: read.error });
    return z.NEVER;
  }),
  // The browser's geolocation, when the agent allowed it; anything unreadable is left out, not refused.
  latlong: z
    .string()
    .optional()
    .transform((value) => readLatlong(value) ?? undefined),
});

/** The customer's OTP moves the money: agents only, on their own OTP request, the form working with or without script. */
export const transferFormAction = guardedFormAction("transfer", "counter", transferSchema, async (input, user) => {
  if (!user.userCode) return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" as const };
  const actor = { agent: user.username, agentId: user.id, userCode: user.userCode, shopLatlong: user.shopLatlong };
  return initiateTransfer(input, actor);
});

/** "Check now": one Transaction Inquiry at once for the agent's own open transfer, then the transfer as it stands. */
export const checkTransferFormAction = guardedFormAction("checkTransfer", "counter", z.object({ ref: DESK_REF }), async ({ ref }, user) => {
  const checked = await checkTransferNow(ref, user.username);
  const transfer = checked ? transferViewOf(checked) : await getAgentTransfer(ref, user.username);
  return transfer
    ? { status: "transfer" as const, transfer, repeated: false }
    : { status: "invalid" as const, fieldErrors: {}, formError: "error.form.unusable" as const };
});
