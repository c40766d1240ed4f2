export type ReceiptLine = [label: string, value: string];

/** A receipt as text, for WhatsApp and other share targets. */
export function receiptText(title: string, lines: ReceiptLine[]): string {
  return [title, ...lines.map(([label, value]) => `${label}: ${value}`)].join("\n");
}

/**
 * A receipt (a transfer's or a refund's). Narrow and plain, so it prints the same on a 58 mm or 80 mm thermal roll and
 * on A4 (the desk's header and buttons are hidden on paper).
 */
export function Receipt({ id, title, lines, thanks }: { id: string; title: string; lines: ReceiptLine[]; thanks: string }) {
  return (
    <article
      aria-labelledby={id}
      data-testid="receipt"
      className="receipt mt-4 rounded-md border border-slate-300 bg-white p-3 text-sm print:mt-0 print:border-0 print:p-0 print:text-xs"
    >
      <h3 id={id} className="text-center text-base font-bold print:text-sm">
        {title}
      </h3>
      <dl className="mt-2 divide-y divide-dashed divide-slate-300">
        {lines.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-3 py-1">
            <dt className="text-slate-600 print:text-black">{label}</dt>
            <dd className="min-w-0 break-all text-right font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-center text-xs text-slate-600 print:text-black">{thanks}</p>
    </article>
  );
}
