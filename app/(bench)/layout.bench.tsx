import type { ReactNode } from "react";

/** The bench's own root layout: a document and nothing of the desk (no providers, styles, fonts or scripts of ours). */
export default function BenchLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
