import { percentile } from "../bench/stats";
import type { Sample } from "./run-load";

export const tally = (entries: Iterable<[string, number]>) => [...entries].map(([k, v]) => `${k} ${v}`).join(", ") || "none";

/** One kind of request's figures: how many, how fast, and what they were answered. */
export function printSamples(label: string, samples: Sample[], seconds: number, answers = "outcomes"): void {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
  console.log(`\n${label} ${samples.length} in ${seconds.toFixed(1)} s: ${(samples.length / seconds).toFixed(1)}/s`);
  console.log(
    `latency p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`,
  );
  console.log(`${answers}: ${tally(counts)}`);
}
