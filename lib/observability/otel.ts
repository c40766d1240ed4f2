import "server-only";
import { settings } from "@/lib/settings";

let stop: (() => Promise<void>) | null = null;

/**
 * Sends this process's spans to OTEL_EXPORTER_OTLP_ENDPOINT (OTLP/HTTP, JSON, `/v1/traces`), when it is set: Next's
 * own spans for each request and the desk's for every Eko call and database transaction. Loaded only then.
 */
export async function startTracing(): Promise<void> {
  const { endpoint, headers, serviceName } = settings("telemetry");
  if (!endpoint || stop) return;
  // Next's own span for every fetch names the full URL, and Eko's sender path holds the customer's mobile: the desk's
  // own span for each Eko call (lib/eko/transport.ts) names the operation instead.
  process.env.NEXT_OTEL_FETCH_DISABLED = "1";
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${endpoint}/v1/traces`, headers });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    // Sent every second rather than the default five: an operator following one request sees it promptly.
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 })],
  });
  // No propagator: a browser's `traceparent` header must not choose the desk's trace ids or turn its tracing off.
  provider.register({ propagator: null });
  stop = () => provider.shutdown();
}

/** Sends what is still queued, for at most two seconds: a collector that is down must not hold up a shutdown. */
export async function stopTracing(): Promise<void> {
  const flushed = stop?.().catch(() => undefined);
  stop = null;
  await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
}
