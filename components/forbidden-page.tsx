import Link from "next/link";
import { StatusFrame } from "@/components/status-frame";
import { getTranslator } from "@/lib/i18n/server";

export async function ForbiddenPage({ inShell }: { inShell?: boolean }) {
  const { t } = await getTranslator();
  return (
    <StatusFrame inShell={inShell}>
      <div role="alert" className="rounded-lg border border-amber-300 bg-white p-5">
        <h1 className="text-lg font-semibold">{t("page.forbidden.title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("page.forbidden.body")}</p>
        <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
          {t("page.forbidden.home")}
        </Link>
      </div>
    </StatusFrame>
  );
}
