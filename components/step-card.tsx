import type { ReactNode } from "react";

/** One step of a customer's visit: its title, what it asks for, and its forms. */
export function StepCard({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{intro}</p>
      {children}
    </section>
  );
}
