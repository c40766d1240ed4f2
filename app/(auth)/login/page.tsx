import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PreferencesBar } from "@/components/preferences-bar";
import { SignInForm } from "@/components/sign-in-form";
import { authSettings } from "@/lib/auth/auth-settings";
import { currentUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/home";
import { safeReturnPath } from "@/lib/security/login-redirect";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("login.meta") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = (await searchParams).next;
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next) ?? undefined;
  const user = await currentUser();
  if (user) redirect(returnTo ?? homeFor(user.role));
  const { demoMode } = authSettings();
  const { t } = await getTranslator();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-10">
      <PreferencesBar className="justify-end" />
      <p className="mt-4 text-2xl font-bold tracking-tight text-brand-800">{t("app.name")}</p>
      <h1 className="mt-1 text-lg font-semibold">{t("login.title")}</h1>
      <SignInForm returnTo={returnTo} />
      {demoMode ? (
        <section aria-labelledby="demo-accounts" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-semibold text-amber-950">
            {t("login.demoAccounts")}
          </h2>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.username} className="break-all">
                {account.role}: {account.username} / {account.password}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
