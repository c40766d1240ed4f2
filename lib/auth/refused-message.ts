import type { Translate } from "@/lib/i18n/translate";
import type { ResultMessage } from "@/lib/otp-requests/result-message";

/** What a person sees when an action refuses them, in their language. Nothing was sent in either case. */
export function refusedMessage(reason: "signed-out" | "forbidden", t: Translate): ResultMessage {
  return { title: t(`refused.${reason}.title`), next: t(`refused.${reason}.next`) };
}
