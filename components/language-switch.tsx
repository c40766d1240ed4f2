"use client";

import { useTransition } from "react";
import { setLocaleAction } from "@/app/preferences-actions";
import { useI18n } from "@/components/locale-provider";

/** Names the other language in that language ("हिन्दी" on an English page), as people look for their own. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const other = locale === "en" ? "hi" : "en";
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      lang={other}
      title={t("lang.otherName")}
      aria-busy={pending}
      disabled={pending}
      onClick={() => startTransition(() => setLocaleAction({ locale: other }).then(() => undefined))}
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:opacity-60"
    >
      {t("lang.other")}
    </button>
  );
}
