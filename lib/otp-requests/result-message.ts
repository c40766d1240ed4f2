import { formatIndiaClock } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { translateText, type I18n, type Translate } from "@/lib/i18n/translate";
import type { DeskRefusalReason, FailureReason, LimitName, OtpRequestResult, UnknownReason } from "./result";

/** A plain sentence for what happened, and what the agent should do next. */
export type ResultMessage = { title: string; next: string };

/** Rounded up to the minute, so "after 10:43 pm" is never a moment too early; the date only for the 24-hour limit. */
function retryTime(limit: LimitName, retryAt: string, locale: Locale): string {
  const minute = 60_000;
  const rounded = new Date(Math.ceil(new Date(retryAt).getTime() / minute) * minute).toISOString();
  return formatIndiaClock(rounded, { withDate: limit === "mobile-24h", locale });
}

/** What happened and what to do next, in the agent's language. */
export function describeResult(result: OtpRequestResult, { locale, t }: I18n): ResultMessage {
  switch (result.status) {
    case "sent":
      return { title: t("outcome.sent.title", { mobile: result.maskedMobile }), next: t("outcome.sent.next") };
    case "rejected":
      return { title: t(`outcome.rejected.${result.reason}.title`), next: t(`outcome.rejected.${result.reason}.next`) };
    case "limited":
      return limitedCopy(result, { locale, t });
    case "invalid":
      return { title: t("outcome.invalid.title"), next: result.formError ? translateText(t, result.formError) : t("outcome.invalid.next") };
    case "unknown":
      return unknownCopy(t, result.reason, result.timeoutSeconds);
    case "failed":
      return failureCopy(result, t);
  }
}

/** Why a call that texts the customer went nowhere: the OTP step's and the customer look-up's. */
export function failureCopy(
  failure: { reason: FailureReason | DeskRefusalReason; httpStatus: number | null; retryAt?: string | null },
  t: Translate,
): ResultMessage {
  if (failure.reason === "circuit-open" || failure.reason === "shutting-down") return deskRefusalCopy(t, failure.reason, failure.retryAt ?? null);
  return failure.reason === "http" ? httpCopy(t, failure.httpStatus) : failedCopy(t, failure.reason);
}

/** Which limit refused the SMS, and from when the agent may try again: the OTP step's and the customer look-up's. */
export function limitedCopy(result: { limit: LimitName; max: number; retryAt: string }, { locale, t }: I18n): ResultMessage {
  return {
    title: t(`outcome.limited.${result.limit}`, { max: result.max }),
    next: t("outcome.limited.next", { time: retryTime(result.limit, result.retryAt, locale) }),
  };
}

/** Eko may have sent the OTP: the agent must ask the customer before trying again. */
function unknownCopy(t: Translate, reason: UnknownReason, timeoutSeconds: number): ResultMessage {
  return { title: t(`outcome.unknown.${reason}`, { seconds: timeoutSeconds }), next: t("outcome.askFirst") };
}

function httpCopy(t: Translate, httpStatus: number | null): ResultMessage {
  return { title: t("outcome.http.title", { status: httpStatus ?? "?" }), next: t("outcome.http.next") };
}

// `invalid-response` is for older rows only: such answers are now recorded as unknown (unreadable-answer).
function failedCopy(t: Translate, reason: Exclude<FailureReason, "http">): ResultMessage {
  return { title: t(`outcome.failed.${reason}.title`), next: t(`outcome.failed.${reason}.next`) };
}

export function deskUnreachableMessage(t: Translate): ResultMessage {
  return { title: t("outcome.deskUnreachable.title"), next: t("outcome.deskUnreachable.next") };
}

/** The desk refused before calling Eko (circuit breaker open, or restarting): nothing was sent. */
function deskRefusalCopy(t: Translate, reason: DeskRefusalReason, retryAt: string | null): ResultMessage {
  if (reason === "shutting-down") return { title: t("outcome.shuttingDown.title"), next: t("outcome.shuttingDown.next") };
  const seconds = secondsUntil(retryAt);
  const title =
    seconds === null
      ? t("outcome.circuitOpen.titleFew")
      : seconds === 1
        ? t("outcome.circuitOpen.titleOne")
        : t("outcome.circuitOpen.title", { seconds });
  return { title, next: t("outcome.circuitOpen.next") };
}

/** Whole seconds until the breaker lets a request through (at least 1), or null when it did not say. */
export function secondsUntil(retryAt: string | null): number | null {
  return retryAt ? Math.max(1, Math.ceil((new Date(retryAt).getTime() - Date.now()) / 1000)) : null;
}
