import { refusedMessage } from "@/lib/auth/refused-message";
import { translateText, type I18n } from "@/lib/i18n/translate";
import type { ResultMessage } from "@/lib/otp-requests/result-message";

type Refused = { status: "refused"; reason: "signed-out" | "forbidden" };
type Invalid = { status: "invalid"; formError: string | null };

/**
 * The sentence a customer step's form shows for its action's answer: the guard's refusal, a form-wide error (field
 * errors sit on their fields), or the step's own outcome.
 */
export function stepCopy<R extends { status: string }>(
  answer: R | Refused | Invalid | null,
  describe: (result: R, i18n: I18n) => ResultMessage,
  i18n: I18n,
): ResultMessage | null {
  const { t } = i18n;
  if (!answer) return null;
  if (answer.status === "refused") return refusedMessage((answer as Refused).reason, t);
  if (answer.status === "invalid") {
    const { formError } = answer as Invalid;
    return formError ? { title: translateText(t, formError), next: "" } : null;
  }
  return describe(answer as R, i18n);
}

/** The submission id a step's form posts next: a fresh one made by the server once an answer has spent the last. */
export function nextSubmissionId(answer: object | null, first: string): string {
  return answer && "nextSubmissionId" in answer && typeof answer.nextSubmissionId === "string" ? answer.nextSubmissionId : first;
}
