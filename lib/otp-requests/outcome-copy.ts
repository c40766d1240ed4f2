import type { RejectionReason } from "@/lib/eko/rejection-reason";
import { formatIndiaClock } from "@/lib/format";
import type { DeskRefusalReason, FailureReason, LimitName, OtpRequestResult, UnknownReason } from "./result";

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
      return unknownCopy(result.reason, result.timeoutSeconds);
    case "failed":
      if (result.reason === "circuit-open" || result.reason === "shutting-down") return deskRefusalCopy(result.reason, result.retryAt);
      return result.reason === "http" ? httpCopy(result.httpStatus) : FAILED[result.reason];
  }
}

const ASK_FIRST = "Ask the customer whether an OTP SMS arrived before you try again. If one did, do not send another: tell your supervisor.";

/** Eko may have sent the OTP: the agent must ask the customer before trying again. */
function unknownCopy(reason: UnknownReason, timeoutSeconds: number): OutcomeCopy {
  switch (reason) {
    case "timeout":
      return { title: `Eko did not answer within ${timeoutSeconds} seconds. The OTP may or may not have reached the customer.`, next: ASK_FIRST };
    case "connection-lost":
      return { title: "The connection to Eko broke while it was answering. The OTP may or may not have reached the customer.", next: ASK_FIRST };
    case "unreadable-answer":
      return { title: "Eko took the request, but its answer could not be read. The OTP may have been sent.", next: ASK_FIRST };
  }
}

function httpCopy(httpStatus: number | null): OutcomeCopy {
  return {
    title: `Eko answered with an error (HTTP ${httpStatus ?? "?"}). The OTP was most likely not sent.`,
    next: "Wait a minute and try again. If it keeps happening, tell your supervisor.",
  };
}

const FAILED: Record<Exclude<FailureReason, "http">, OutcomeCopy> = {
  auth: {
    title: "Eko refused the desk's credentials (HTTP 403). No OTP was sent.",
    next: "Tell your supervisor. The operator should check the Eko keys and that they match the environment (UAT or production), that the server's IP is allowlisted with Eko, and the server clock.",
  },
  // Older rows only: such answers are now recorded as unknown (unreadable-answer).
  "invalid-response": {
    title: "Eko's answer could not be read. The OTP may or may not have gone out.",
    next: "Ask the customer whether an OTP SMS arrived. If not, try again in a minute.",
  },
  "ledger-unavailable": {
    title: "The desk could not record this request, so it did not contact Eko. No OTP was sent.",
    next: "Try again in a minute. If it keeps happening, tell your supervisor.",
  },
  unreachable: {
    title: "The desk could not reach Eko, even after retrying. No OTP was sent.",
    next: "Try again in a minute. If it keeps happening, tell your supervisor.",
  },
};

export const DESK_UNREACHABLE: OutcomeCopy = {
  title: "The desk could not finish this request.",
  next: "Check your internet connection and try again. What you typed is kept.",
};

/** The desk refused before calling Eko (circuit breaker open, or restarting): nothing was sent. */
function deskRefusalCopy(reason: DeskRefusalReason, retryAt: string | null): OutcomeCopy {
  if (reason === "shutting-down") {
    return { title: "The desk is restarting; nothing was sent. Try again in a moment.", next: "Wait a few seconds, then send the OTP again." };
  }
  const seconds = retryAt ? Math.max(1, Math.ceil((new Date(retryAt).getTime() - Date.now()) / 1000)) : null;
  return {
    title: `Eko is not answering; try in ${seconds ?? "a few"} second${seconds === 1 ? "" : "s"}. No OTP was sent.`,
    next: "The desk is holding requests back while Eko recovers. If it keeps happening, tell your supervisor.",
  };
}
