"use client";

import { useI18n } from "@/components/locale-provider";
import { StatusFrame } from "@/components/status-frame";

export function ErrorPage({ reset, inShell }: { reset: () => void; inShell?: boolean }) {
  const { t } = useI18n();
  return (
    <StatusFrame inShell={inShell}>
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-5">
        <h1 className="text-lg font-semibold text-red-800">{t("page.error.title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("page.error.body")}</p>
        <button type="button" onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          {t("page.error.retry")}
        </button>
      </div>
    </StatusFrame>
  );
}
