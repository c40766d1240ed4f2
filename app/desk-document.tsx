import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/locale-provider";
import { Providers } from "@/components/providers";
import { MESSAGES } from "@/lib/i18n/dictionaries";
import { getLocale } from "@/lib/i18n/server";
import { SYSTEM_THEME_SCRIPT, THEME_COOKIE, themeOr } from "@/lib/theme";
import "./globals.css";

export const deskMetadata: Metadata = {
  title: { default: "Levin Desk", template: "%s · Levin Desk" },
  description: "Send Eko PPI Levin transaction OTPs for walk-in customers.",
  robots: { index: false, follow: false },
};

export const deskViewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1d4ed8",
};

/**
 * The desk's document, for each of its root layouts (sign-in and the signed-in desk; the bench's bare page has its
 * own). Language and theme come from cookies, so the very first paint is already in the agent's language and colours.
 */
export async function DeskDocument({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = themeOr((await cookies()).get(THEME_COOKIE)?.value);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The system-theme script may add "dark" before React hydrates.
    <html lang={locale} data-theme={theme} className={theme === "dark" ? "dark" : undefined} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans">
        {/* The active language's words travel with the page; no script holds a dictionary. */}
        <LocaleProvider locale={locale} messages={MESSAGES[locale]}>
          <Providers>{children}</Providers>
        </LocaleProvider>
      </body>
    </html>
  );
}
