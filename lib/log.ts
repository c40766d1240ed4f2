import "server-only";
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { currentRequestContext } from "@/lib/observability/request-context";
import { canWrite } from "@/lib/startup/output-streams";

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * One JSON line per event. Callers pass codes and context only: never keys, signatures, tokens or full mobiles.
 * Inside a request (or a background job's run) the line carries its id, and the trace's id while one is recorded.
 * A line for an output stream that has broken is dropped and counted, never retried.
 */
export function logEvent(level: "info" | "warn" | "error", event: string, fields: Fields = {}): void {
  const stream = level === "info" ? process.stdout : process.stderr;
  if (!canWrite(stream)) return;
  const span = trace.getActiveSpan()?.spanContext();
  const traceId = span && isSpanContextValid(span) ? span.traceId : undefined;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...currentRequestContext(), traceId, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
