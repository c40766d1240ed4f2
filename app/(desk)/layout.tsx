import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { SignOutButton } from "@/components/sign-out-button";
import { currentUser } from "@/lib/auth/current-user";
import { loginPathBack } from "@/lib/auth/guard";
import type { Role } from "@/lib/db/schema-states";
import { getDeskSettings } from "@/lib/eko/config";

const LINKS: Record<Role, { href: string; label: string }[]> = {
  agent: [{ href: "/", label: "Send OTP" }],
  supervisor: [{ href: "/requests", label: "Requests" }],
  admin: [
    { href: "/admin/users", label: "Users" },
    { href: "/admin/audit", label: "Audit" },
  ],
};

/** The signed-in shell: reads the session once and shows what the role may use. Each page checks for itself. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect(await loginPathBack());
  const { environment } = getDeskSettings();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2">
          <p className="text-lg font-bold tracking-tight text-brand-800">Levin Desk</p>
          <nav aria-label="Desk" className="flex items-center gap-1 text-sm font-medium">
            {LINKS[user.role].map((link) => (
              <Link key={link.href} href={link.href} className="rounded px-3 py-2 hover:bg-slate-100">
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-2">
            <EnvironmentBadge environment={environment} />
            <span className="text-sm text-slate-600" title={`Signed in as ${user.username} (${user.role})`}>
              {user.username}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
