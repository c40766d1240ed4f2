import { formatIndiaClock } from "@/lib/format";
import type { I18n } from "@/lib/i18n/translate";
import type { ChartBucket, TransferSummary } from "@/lib/transfers/summary-chart";

const SERIES = [
  { key: "success", fill: "#059669", label: "transfers.legend.success" },
  { key: "noMoney", fill: "#dc2626", label: "transfers.legend.noMoney" },
  { key: "open", fill: "#d97706", label: "transfers.legend.open" },
] as const;
const WIDTH = 600;
const HEIGHT = 160;
const BASE = HEIGHT - 20;

/** Outcomes over time as stacked bars, drawn on the server: an SVG and its legend, no charting code in the browser. */
export function OutcomesChart({ buckets, unit, i18n }: { buckets: ChartBucket[]; unit: TransferSummary["unit"]; i18n: I18n }) {
  const { locale, t } = i18n;
  const max = Math.max(1, ...buckets.map((b) => b.success + b.noMoney + b.open));
  const step = WIDTH / Math.max(buckets.length, 1);
  // A few buckets would otherwise draw bars as wide as the chart.
  const bar = Math.min(step * 0.7, 36);
  const label = (at: string) => (unit === "hour" ? formatIndiaClock(at, { locale }) : at.slice(0, unit === "month" ? 7 : 10));
  const title = t("transfers.chartTitle", { unit: t(`transfers.unit.${unit}`) });
  return (
    <figure className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="mt-2 h-40 w-full" data-testid="outcomes-chart">
        {buckets.map((b, i) => {
          let top = BASE;
          return (
            <g key={b.at}>
              <title>{`${label(b.at)}: ${SERIES.map((s) => `${t(s.label)} ${b[s.key]}`).join(", ")}`}</title>
              {SERIES.map((s) => {
                const height = (b[s.key] / max) * (BASE - 8);
                top -= height;
                return height > 0 ? <rect key={s.key} x={i * step + (step - bar) / 2} y={top} width={bar} height={height} fill={s.fill} /> : null;
              })}
              {buckets.length <= 24 || i % Math.ceil(buckets.length / 12) === 0 ? (
                <text x={i * step + step / 2} y={HEIGHT - 4} fontSize="10" textAnchor="middle" fill="#475569">
                  {unit === "hour" ? label(b.at).replace(" IST", "") : unit === "month" ? label(b.at) : b.at.slice(5, 10)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: s.fill }} />
            {t(s.label)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
