import type { Metadata } from "next";
import Link from "next/link";
import { MyRecentTransfers } from "@/components/my-recent-transfers";
import { TransferForm } from "@/components/transfer-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { getDeskSettings } from "@/lib/eko/config";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentRecentTransfers } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("counter.enterIdsTitle") };
}

/** Typing a recipient's Eko IDs, for support staff: the counter's usual way starts from the customer's mobile. */
export default async function EnterIdsPage() {
  const user = await requirePagePermission("counter", "/enter-ids");
  const { minAmount, maxAmount } = getDeskSettings();
  const recent = await getAgentRecentTransfers(user.username);
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold print:hidden">{t("counter.enterIdsTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600 print:hidden">{t("counter.enterIdsIntro")}</p>
      <TransferForm bounds={{ minAmount, maxAmount }} agent={user.name || user.username} askLocation={!user.shopLatlong} />
      <p className="mt-4 text-sm print:hidden">
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
          {t("counter.otherCustomer")}
        </Link>
      </p>
      <MyRecentTransfers rows={recent} locale={locale} t={t} />
    </div>
  );
}
