import type { ReactNode } from "react";
import { PreferencesBar } from "@/components/preferences-bar";

/**
 * The frame of a page that stands in for another (not found, forbidden, an error). Inside the signed-in shell the
 * header already has the language and theme switch and the page's <main>; on its own the frame brings both.
 */
export function StatusFrame({ inShell = false, children }: { inShell?: boolean; children: ReactNode }) {
  if (inShell) return <div className="mx-auto max-w-md py-6">{children}</div>;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <PreferencesBar className="mb-4 justify-end" />
      {children}
    </main>
  );
}
