import type { RejectionReason } from "@/lib/eko/rejection-reason";
import { formatIndiaClock } from "@/lib/format";
import type { LimitName, OtpRequestResult } from "./result";

/** A plain sentence for what happened, and what the agent should do next. */
export type OutcomeCopy = { title: string; next: string };

const REJECTED: Record<RejectionReason, OutcomeCopy> = {
  "insufficient-balance": {
    title: "Your Eko balance is too low for this transfer. No OTP was sent.",
    next: "Top up your e-value float with Eko, then send the OTP again.",
  },
  "limit-exhausted": {
    title: "This customer's monthly sending limit is used up. No OTP was sent.",
    next: "Tell the customer they cannot send more this month from this wallet.",
  },
  "agent-not-onboarded": {
    title: "Your agent account is not set up for PPI Levin with Eko. No OTP was sent.",
    next: "Ask your supervisor to check your Eko user code and have the service activated.",
  },
  "customer-not-found": {
    title: "Eko has no customer registered with this mobile. No OTP was sent.",
    next: "Check the number with the customer. If it is right, register the customer first.",
  },
  "invalid-params": {
    title: "Eko did not accept some of the details. No OTP was sent.",
    next: "Correct the highlighted fields and send again.",
  },
  "invalid-initiator": {
    title: "Eko does not recognise this desk's initiator. No OTP was sent.",
    next: "Tell your supervisor: the desk's Eko settings need checking.",
  },
  "recipient-not-registered": {
    title: "This recipient is not registered for this customer. No OTP was sent.",
    next: "Check the recipient ID, or add the recipient for the customer first.",
  },
  "bank-unavailable": {
    title: "The recipient's bank is not available right now. No OTP was sent.",
    next: "Try again in a few minutes.",
  },
  "in-progress": {
    title: "Another transaction of yours is still in progress. No OTP was sent.",
    next: "Wait a moment for it to finish, then send again.",
  },
  "service-not-active": {
    title: "PPI Levin is not activated for this account. No OTP was sent.",
    next: "Ask your supervisor to have Eko activate the service.",
  },
  "wrong-environment-key": {
    title: "The desk is using test keys on Eko's live system. No OTP was sent.",
    next: "Tell your supervisor: the desk's Eko keys must be the production ones.",
  },
  other: {
    title: "Eko did not send the OTP.",
    next: "Read Eko's message below, correct the details if needed, and try again.",
  },
};

const LIMIT_TITLE: Record<LimitName, (max: number) => string> = {
  "mobile-15m": (max) => `This customer has had ${max} OTPs in the last 15 minutes. No OTP was sent.`,
  "mobile-24h": (max) => `This customer has had ${max} OTPs in the last 24 hours. No OTP was sent.`,
  "agent-15m": (max) => `You have requested ${max} OTPs in the last 15 minutes. No OTP was sent.`,
};

/** Rounded up to the minute, so "after 10:43 pm" is never a moment too early; the date only for the 24-hour limit. */
function retryTime(limit: LimitName, retryAt: string): string {
  const minute = 60_000;
  const rounded = new Date(Math.ceil(new Date(retryAt).getTime() / minute) * minute).toISOString();
  return formatIndiaClock(rounded, { withDate: limit === "mobile-24h" });
}

export function describeOutcome(result: OtpRequestResult): OutcomeCopy {
  switch (result.status) {
    case "sent":
      return {
        title: `OTP sent to the customer's mobile ${result.maskedMobile}.`,
        next: "Ask the customer for the OTP in their SMS, then continue the transfer with this reference.",
      };
    case "rejected":
      return REJECTED[result.reason];
    case "limited":
      return { title: LIMIT_TITLE[result.limit](result.max), next: `Try again after ${retryTime(result.limit, result.retryAt)}.` };
    case "invalid":
      return { title: "Some details need correcting. Nothing was sent.", next: result.formError ?? "Fix the highlighted fields and send again." };
    case "unknown":
      return {
        title:
          result.reason === "timeout"
            ? `Eko did not answer within ${result.timeoutSeconds} seconds. The OTP may or may not have reached the customer.`
            : "The connection to Eko broke before it answered. The OTP may or may not have reached the customer.",
        next: "Ask the customer whether an OTP SMS arrived before you try again.",
      };
    case "failed":
      switch (result.reason) {
        case "auth":
          return {
            title: "Eko refused the desk's credentials (HTTP 403). No OTP was sent.",
            next: "Tell your supervisor. The operator should check the Eko keys and that they match the environment (UAT or production), that the server's IP is allowlisted with Eko, and the server clock.",
          };
        case "http":
          return {
            title: `Eko answered with an error (HTTP ${result.httpStatus ?? "?"}). The OTP was most likely not sent.`,
            next: "Wait a minute and try again. If it keeps happening, tell your supervisor.",
          };
        case "invalid-response":
          return {
            title: "Eko's answer could not be read. The OTP may or may not have gone out.",
            next: "Ask the customer whether an OTP SMS arrived. If not, try again in a minute.",
          };
        case "ledger-unavailable":
          return {
            title: "The desk could not record this request, so it did not contact Eko. No OTP was sent.",
            next: "Try again in a minute. If it keeps happening, tell your supervisor.",
          };
        case "unreachable":
          return {
            title: "The desk could not reach Eko. No OTP was sent.",
            next: "Try again in a minute. If it keeps happening, tell your supervisor.",
          };
      }
  }
}

export const DESK_UNREACHABLE: OutcomeCopy = {
  title: "The desk could not finish this request.",
  next: "Check your internet connection and try again. What you typed is kept.",
};
