/** Latency figures of one measured case, in milliseconds. */
export type Timing = { runs: number; p50: number; p95: number; max: number };

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * Runs `fn` `warmups` times unmeasured, then `runs` times one after another, timing each call. With `maxSeconds`, stops
 * once that much time has gone (warm-ups included) after at least one measured run, so a slow case reports fewer runs
 * instead of holding up the rest.
 */
export async function timeRuns(fn: () => Promise<unknown>, options: { warmups: number; runs: number; maxSeconds?: number }): Promise<Timing> {
  const deadline = performance.now() + (options.maxSeconds ?? Number.POSITIVE_INFINITY) * 1000;
  for (let i = 0; i < options.warmups && performance.now() < deadline; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs && (samples.length === 0 || performance.now() < deadline); i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { runs: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] ?? Number.NaN };
}

export const MB = 1024 * 1024;

/** Peak process memory above a baseline, sampled on a timer and whenever the caller asks. */
export class MemoryPeak {
  private readonly baseline = process.memoryUsage();
  private peakRss = this.baseline.rss;
  private peakHeap = this.baseline.heapUsed;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 10) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.peakRss) this.peakRss = rss;
    if (heapUsed > this.peakHeap) this.peakHeap = heapUsed;
  }

  /** Stops sampling; growth in MB of the resident set and of the V8 heap in use. */
  stop(): { rssMb: number; heapMb: number } {
    clearInterval(this.timer);
    this.sample();
    return { rssMb: (this.peakRss - this.baseline.rss) / MB, heapMb: (this.peakHeap - this.baseline.heapUsed) / MB };
  }
}
