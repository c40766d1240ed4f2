/**
 * Graceful shutdown: on SIGTERM/SIGINT the desk stops taking OTP requests (`isDraining`), waits for the requests
 * already past the gate (`trackInFlight`) to reach Eko and be recorded, closes the database and exits 0.
 * State hangs off globalThis: instrumentation and the route bundles share one per process.
 */
type ShutdownState = { draining: boolean; inFlight: number; idle: Array<() => void> };

const holder = globalThis as typeof globalThis & { __levinDeskShutdown?: ShutdownState };

function state(): ShutdownState {
  holder.__levinDeskShutdown ??= { draining: false, inFlight: 0, idle: [] };
  return holder.__levinDeskShutdown;
}

export function isDraining(): boolean {
  return state().draining;
}

export function inFlightCount(): number {
  return state().inFlight;
}

/** Counts `work` as in flight until it settles; its result (or error) passes through unchanged. */
export async function trackInFlight<T>(work: Promise<T>): Promise<T> {
  const s = state();
  s.inFlight += 1;
  try {
    return await work;
  } finally {
    s.inFlight -= 1;
    if (s.inFlight === 0) for (const resolve of s.idle.splice(0)) resolve();
  }
}

/** Stops new requests; resolves `true` once nothing is in flight, `false` if `limitMs` passed first. */
export function drain(limitMs: number): Promise<boolean> {
  const s = state();
  s.draining = true;
  if (s.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), limitMs);
    s.idle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** For tests: back to taking requests. */
export function resetShutdownForTests(): void {
  holder.__levinDeskShutdown = { draining: false, inFlight: 0, idle: [] };
}

export type ShutdownOptions = {
  /** How long in-flight calls may take: the Eko timeout plus a second. */
  limitMs: number;
  /** After the last call settles, time for its HTTP response to reach the browser. */
  flushMs?: number;
  close: () => Promise<void>;
  exit?: (code: number) => void;
  log?: (message: string) => void;
};

/** Runs the shutdown once: drain, let responses flush, close, exit 0. */
export async function shutDown(signal: string, options: ShutdownOptions): Promise<void> {
  const log = options.log ?? ((message: string) => console.log(message));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  log(`Levin Desk: ${signal} received, taking no new OTP requests; ${inFlightCount()} in flight.`);
  const drained = await drain(options.limitMs);
  if (!drained) log(`Levin Desk: ${inFlightCount()} request(s) still in flight after ${options.limitMs} ms; stopping anyway.`);
  await new Promise((resolve) => setTimeout(resolve, options.flushMs ?? 500));
  try {
    await options.close();
  } catch (error) {
    log(`Levin Desk: closing the database failed (${error instanceof Error ? error.name : "unknown"}).`);
  }
  log("Levin Desk: stopped.");
  exit(0);
}

let installed = false;

/** Registers the SIGTERM/SIGINT handler once (the server must run with NEXT_MANUAL_SIG_HANDLE=true). */
export function installShutdownHandlers(options: ShutdownOptions): void {
  if (installed) return;
  installed = true;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void shutDown(signal, options);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
