import type { CpuMeter, CpuReading } from "./cpu";
import { percentile } from "./stats";

/** One path's figures at one concurrency: throughput and latency of the requests that were answered. */
export type PathFigures = {
  path: string;
  concurrency: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  outcomes: Record<string, number>;
  /** CPU time per request (every request finished in the measured turns), where a meter was given. */
  cpuMsPerRequest?: CpuReading;
};

type Fire = (worker: number) => Promise<string>;

/** What each path answers when it did its job: an OTP sent, a transfer made. */
const DONE = new Set(["sent", "success"]);

/**
 * `concurrency` workers, each sending its next request as soon as the last one is answered, for `seconds`. `fire`
 * returns the request's outcome ("sent", say); one that throws counts as a failure. Throughput counts the requests
 * answered within `seconds`: the ones still in flight at the end are waited for (and their latency kept) but not
 * counted, so the tail, when fewer than `concurrency` are in flight, does not weigh on the slower path.
 */
async function closedLoop(
  fire: Fire,
  concurrency: number,
  seconds: number,
): Promise<{ samples: number[]; outcomes: Map<string, number>; answered: number; seconds: number }> {
  const samples: number[] = [];
  const outcomes = new Map<string, number>();
  let answered = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const outcome = await fire(worker).catch(() => "error");
        const at = performance.now();
        samples.push(at - t0);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (at <= deadline) answered++;
      }
    }),
  );
  return { samples, outcomes, answered, seconds };
}

/**
 * Measures the paths against each other at one concurrency: a warm-up of each, then `rounds` rounds in which each
 * path runs `seconds / rounds` in turn, so drift in the machine's load falls on both alike.
 */
export async function comparePaths(
  paths: Record<string, Fire>,
  options: {
    concurrency: number;
    seconds: number;
    rounds: number;
    warmupSeconds: number;
    cpu?: CpuMeter;
    /** Off the clock before the warm-up and each round, given each path's seconds in it (the transfers' OTPs). */
    beforeRound?: (seconds: number) => Promise<void>;
    /** Started before each of a path's turns (its warm-up too) and stopped after: other users beside it (supervisors). */
    alongside?: (path: string) => (() => Promise<void>) | undefined;
  },
): Promise<PathFigures[]> {
  const names = Object.keys(paths);
  await options.beforeRound?.(options.warmupSeconds);
  for (const name of names) {
    const stop = options.alongside?.(name);
    await closedLoop(paths[name]!, options.concurrency, options.warmupSeconds);
    await stop?.();
  }
  const merged = new Map(
    names.map((name) => [
      name,
      { samples: [] as number[], outcomes: new Map<string, number>(), answered: 0, seconds: 0, cpu: { app: 0, database: 0, bench: 0 } },
    ]),
  );
  for (let round = 0; round < options.rounds; round++) {
    await options.beforeRound?.(options.seconds / options.rounds);
    for (const name of names) {
      const stop = options.alongside?.(name);
      const before = options.cpu?.();
      const run = await closedLoop(paths[name]!, options.concurrency, options.seconds / options.rounds);
      const after = options.cpu?.();
      await stop?.();
      const into = merged.get(name)!;
      if (before && after) for (const part of ["app", "database", "bench"] as const) into.cpu[part] += after[part] - before[part];
      into.samples.push(...run.samples);
      into.answered += run.answered;
      into.seconds += run.seconds;
      for (const [outcome, n] of run.outcomes) into.outcomes.set(outcome, (into.outcomes.get(outcome) ?? 0) + n);
    }
  }
  return names.map((name) => {
    const { samples, outcomes, answered, seconds, cpu } = merged.get(name)!;
    const sorted = [...samples].sort((a, b) => a - b);
    const failures = [...outcomes].filter(([outcome]) => !DONE.has(outcome)).reduce((sum, [, n]) => sum + n, 0);
    return {
      path: name,
      concurrency: options.concurrency,
      requests: samples.length,
      rps: answered / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      failures,
      outcomes: Object.fromEntries(outcomes),
      ...(options.cpu && samples.length
        ? { cpuMsPerRequest: { app: cpu.app / samples.length, database: cpu.database / samples.length, bench: cpu.bench / samples.length } }
        : {}),
    };
  });
}
