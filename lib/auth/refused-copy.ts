import type { Translate } from "@/lib/i18n/translate";
import type { OutcomeCopy } from "@/lib/otp-requests/outcome-copy";

/** What a person sees when an action refuses them, in their language. Nothing was sent in either case. */
export function refusedCopy(reason: "signed-out" | "forbidden", t: Translate): OutcomeCopy {
  return { title: t(`refused.${reason}.title`), next: t(`refused.${reason}.next`) };
}
