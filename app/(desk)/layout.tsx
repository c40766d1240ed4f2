import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DeskDocument, deskMetadata, deskViewport } from "@/app/desk-document";
import { EkoStatusBanner } from "@/components/eko-status-banner";
import { EnvironmentBadge } from "@/components/environment-badge";
import { PreferencesBar } from "@/components/preferences-bar";
import { SignOutButton } from "@/components/sign-out-button";
import { currentUser } from "@/lib/auth/current-user";
import { loginPathBack } from "@/lib/auth/guard";
import { may } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema-states";
import { currentEkoStatus } from "@/lib/eko/breaker-settings";
import { getDeskSettings } from "@/lib/eko/config";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

const LINKS: Record<Role, { href: string; label: MessageKey }[]> = {
  agent: [{ href: "/", label: "nav.sendOtp" }],
  supervisor: [
    { href: "/requests", label: "nav.requests" },
    { href: "/requests/transfers", label: "nav.transfers" },
  ],
  admin: [
    { href: "/admin/users", label: "nav.users" },
    { href: "/admin/audit", label: "nav.audit" },
  ],
};

export const metadata = deskMetadata;
export const viewport = deskViewport;

/** A root layout, the signed-in shell: reads the session once and shows what the role may use. Each page checks for itself. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(await loginPathBack());
  const { environment } = getDeskSettings();
  const { t } = await getTranslator();
  // Whoever calls Eko or reviews its calls sees when this server has stopped calling it, on every page.
  const ekoStatus = may(user.role, "eko-status") ? currentEkoStatus() : null;
  return (
    <DeskDocument>
      <div className="flex min-h-dvh flex-col">
        <header className="border-b border-slate-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2">
            {/* Who is signed in sits under the name, so the account row fits a 360 px phone in either language. */}
            <div className="min-w-0">
              <p className="text-lg leading-tight font-bold tracking-tight text-brand-800">{t("app.name")}</p>
              <p
                className="max-w-48 truncate text-xs text-slate-600"
                title={t("nav.signedInAs", { username: user.username, role: t(`role.${user.role}`) })}
              >
                {user.username}
              </p>
            </div>
            <nav aria-label={t("nav.label")} className="flex items-center gap-1 text-sm font-medium">
              {LINKS[user.role].map((link) => (
                <Link key={link.href} href={link.href} className="inline-flex min-h-11 items-center rounded px-3 hover:bg-slate-100">
                  {t(link.label)}
                </Link>
              ))}
            </nav>
            <div className="flex flex-wrap items-center gap-x-2">
              <EnvironmentBadge environment={environment} />
              <PreferencesBar />
              <SignOutButton label={t("nav.signOut")} />
            </div>
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 print:p-0">
          {ekoStatus && <EkoStatusBanner initial={ekoStatus} />}
          {children}
        </main>
      </div>
    </DeskDocument>
  );
}
