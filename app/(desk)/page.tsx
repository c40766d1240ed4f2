import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MyRecentTransfers } from "@/components/my-recent-transfers";
import { TransferForm } from "@/components/transfer-form";
import { currentUser } from "@/lib/auth/current-user";
import { loginPathBack } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/home";
import { may } from "@/lib/auth/permissions";
import { getDeskSettings } from "@/lib/eko/config";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentRecentTransfers } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("transfer.meta") };
}

export default async function TransferPage() {
  const user = await currentUser();
  if (!user) redirect(await loginPathBack());
  if (!may(user.role, "counter")) redirect(homeFor(user.role));
  const { minAmount, maxAmount } = getDeskSettings();
  const recent = await getAgentRecentTransfers(user.username);
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold print:hidden">{t("transfer.title")}</h1>
      <p className="mt-1 text-sm text-slate-600 print:hidden">{t("transfer.intro")}</p>
      <TransferForm bounds={{ minAmount, maxAmount }} agent={user.name || user.username} askLocation={!user.shopLatlong} />
      <MyRecentTransfers rows={recent} locale={locale} t={t} />
    </div>
  );
}
