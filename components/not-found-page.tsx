import Link from "next/link";
import { connection } from "next/server";
import { StatusFrame } from "@/components/status-frame";
import { getTranslator } from "@/lib/i18n/server";

export async function NotFoundPage({ inShell }: { inShell?: boolean }) {
  // Rendered per request so the proxy's CSP nonce reaches this page's scripts too.
  await connection();
  const { t } = await getTranslator();
  return (
    <StatusFrame inShell={inShell}>
      <h1 className="text-lg font-semibold">{t("page.notFound.title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("page.notFound.body")}</p>
      <Link href="/" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
        {t("page.notFound.home")}
      </Link>
    </StatusFrame>
  );
}
