/**
 * The desk's standard output and error may be pipes to a log shipper that restarts or a terminal that closes. A
 * write to a closed pipe fails with EPIPE, and an unheard stream error becomes an uncaught exception that is itself
 * reported to the broken stream: a loop at full CPU. So stream errors are heard here, never written about, and
 * counted; lines written after that are dropped and counted too (`lib/log.ts`).
 */
type OutputState = { installed: boolean; dropped: number };

const holder = globalThis as typeof globalThis & { __levinDeskOutput?: OutputState };
const state = (): OutputState => (holder.__levinDeskOutput ??= { installed: false, dropped: 0 });

export function keepServingWhenOutputBreaks(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  for (const stream of streams) {
    stream.on("error", () => {
      s.dropped += 1;
    });
  }
}

/** Whether a line can still be written to `stream`; if not, it is counted as dropped. */
export function canWrite(stream: NodeJS.WriteStream): boolean {
  if (!stream.destroyed && !stream.writableEnded) return true;
  state().dropped += 1;
  return false;
}

/** Log lines lost to a broken output stream since start (shown by /api/health). */
export function droppedLogLines(): number {
  return state().dropped;
}
