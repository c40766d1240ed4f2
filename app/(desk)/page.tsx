import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionsDue } from "@/components/actions-due";
import { CustomerLookUpForm } from "@/components/customer-look-up-form";
import { MyRecentTransfers } from "@/components/my-recent-transfers";
import { currentUser } from "@/lib/auth/current-user";
import { loginPathBack } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/home";
import { may } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { getAgentActionsDue, getAgentRecentTransfers } from "@/lib/transfers/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("counter.title") };
}

/** The counter: a customer's mobile first; their verification, recipients and transfer follow on their own page. */
export default async function CounterPage() {
  const user = await currentUser();
  if (!user) redirect(await loginPathBack());
  if (!may(user.role, "counter")) redirect(homeFor(user.role));
  const [due, recent] = await Promise.all([getAgentActionsDue(user.username), getAgentRecentTransfers(user.username)]);
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-xl font-semibold print:hidden">{t("counter.title")}</h1>
      <p className="mt-1 text-sm text-slate-600 print:hidden">{t("counter.intro")}</p>
      <ActionsDue rows={due} locale={locale} t={t} />
      <CustomerLookUpForm submissionId={randomUUID()} />
      <p className="mt-3 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
        <Link href="/enter-ids" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
          {t("counter.enterIds")}
        </Link>
        <span>{t("counter.enterIdsHint")}</span>
      </p>
      <MyRecentTransfers rows={recent} locale={locale} t={t} />
    </div>
  );
}
