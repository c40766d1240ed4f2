import Link from "next/link";
import { PreferencesBar } from "@/components/preferences-bar";
import { getTranslator } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <PreferencesBar className="mb-4 justify-end" />
      <div role="alert" className="rounded-lg border border-amber-300 bg-white p-5">
        <h1 className="text-lg font-semibold">{t("page.forbidden.title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("page.forbidden.body")}</p>
        <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
          {t("page.forbidden.home")}
        </Link>
      </div>
    </main>
  );
}
