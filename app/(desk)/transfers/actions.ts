"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { guardedFormAction } from "@/lib/auth/guard";
import { isSubmissionId } from "@/lib/ledger/submission-id";
import { refundTransfer, sendRefundOtp } from "@/lib/refunds/service";
import { readCustomerOtp } from "@/lib/transfers/fields";
import { checkTransferNow } from "@/lib/transfers/inquiries";
import { getAgentTransfer } from "@/lib/transfers/queries";
import { initiateTransfer } from "@/lib/transfers/service";
import { readLatlong } from "@/lib/transfers/fields";
import { transferViewOf } from "@/lib/transfers/view";

const DESK_REF = z.string().regex(/^[0-9A-Z]{1,20}$/, { error: "error.form.unusable" });

const customerOtp = z.string().transform((value, ctx) => {
  const read = readCustomerOtp(value);
  if (read.ok) return read.value;
  ctx.addIssue({ code: "custom", message: read.error });
  return z.NEVER;
});

const transferSchema = z.object({
  otpRequestRef: DESK_REF,
  submissionId: z.string().max(64),
  otp: customerOtp,
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

const refundStep = { transferRef: DESK_REF, submissionId: z.string().refine(isSubmissionId, { error: "error.submission.reload" }) };
const transferPage = (ref: string) => `/transfers/${encodeURIComponent(ref)}`;
const actorOf = (user: { username: string; id: string; userCode: string | null }) =>
  user.userCode ? { agent: user.username, agentId: user.id, userCode: user.userCode } : null;

/** "Send refund OTP": Eko texts the customer the OTP that says they have their cash back. */
export const sendRefundOtpFormAction = guardedFormAction("sendRefundOtp", "counter", z.object(refundStep), async (input, user) => {
  const actor = actorOf(user);
  if (!actor) return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" as const };
  const result = await sendRefundOtp(input, actor);
  if (result.status === "otp-sent") redirect(transferPage(input.transferRef));
  return { ...result, nextSubmissionId: randomUUID() };
});

/** The customer's refund OTP: Initiate Refund, once. The page then shows the refund as the ledger holds it. */
export const refundFormAction = guardedFormAction("refund", "counter", z.object({ ...refundStep, otp: customerOtp }), async (input, user) => {
  const actor = actorOf(user);
  if (!actor) return { status: "invalid" as const, fieldErrors: {}, formError: "error.noUserCode" as const };
  const result = await refundTransfer(input, actor);
  if (result.status === "refund") redirect(transferPage(input.transferRef));
  return { ...result, nextSubmissionId: randomUUID() };
});
