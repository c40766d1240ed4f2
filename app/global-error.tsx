"use client";

import { shell as en } from "@/lib/i18n/messages/en/shell";
import { shell as hi } from "@/lib/i18n/messages/hi/shell";

/**
 * When a root layout itself fails (the session could not be read, say), no locale is known: the message in both
 * languages, with the same promise as every error page.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "28rem", margin: "3rem auto", padding: "0 1rem" }}>
        <main role="alert">
          {[en, hi].map((m) => (
            <div key={m["page.error.retry"]} lang={m === hi ? "hi" : "en"}>
              <h1 style={{ fontSize: "1.125rem" }}>{m["page.error.title"]}</h1>
              <p>{m["page.error.body"]}</p>
            </div>
          ))}
          <button type="button" onClick={reset} style={{ minHeight: "2.75rem", padding: "0 1rem" }}>
            {en["page.error.retry"]} / {hi["page.error.retry"]}
          </button>
        </main>
      </body>
    </html>
  );
}
