import { appendFileSync } from "node:fs";
import { startOtlpReceiver, type ReceivedSpan } from "./lib/otlp-receiver";

/**
 * `npm run traces`: prints the desk's spans as they arrive, one line each, for an operator without a collector.
 * Start the desk with OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 (TRACES_PORT changes the port).
 * TRACES_FILE=<path> also appends each span there as a JSON line (the end-to-end suite reads it).
 */
const port = Number(process.env.TRACES_PORT ?? 4318);
const file = process.env.TRACES_FILE;

function print(span: ReceivedSpan): void {
  if (file) appendFileSync(file, `${JSON.stringify(span)}\n`);
  // Next's span_* attributes repeat the span's name.
  const attributes = Object.entries(span.attributes)
    .filter(([key]) => !key.startsWith("next.span_"))
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  console.log(`${span.traceId.slice(0, 8)} ${span.name} ${span.durationMs} ms${span.status === 2 ? " ERROR" : ""} ${attributes}`);
}

void startOtlpReceiver(port, print).then(() => {
  console.log(`Receiving traces: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
});
