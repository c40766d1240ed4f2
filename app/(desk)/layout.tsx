import type { ReactNode } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { EnvironmentBadge } from "@/components/environment-badge";
import { getDeskSettings } from "@/lib/eko/config";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  // Settings come from the runtime environment, never from build time.
  await connection();
  const { environment } = getDeskSettings();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-bold tracking-tight text-brand-800">Levin Desk</p>
          <nav aria-label="Desk" className="flex items-center gap-1 text-sm font-medium">
            <Link href="/" className="rounded px-3 py-2 hover:bg-slate-100">
              Send OTP
            </Link>
            <Link href="/requests" className="rounded px-3 py-2 hover:bg-slate-100">
              Requests
            </Link>
          </nav>
          <EnvironmentBadge environment={environment} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
