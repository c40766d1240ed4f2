import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { currentRequestContext } from "./request-context";

/**
 * Spans through OpenTelemetry's API only: without a registered SDK (OTEL_EXPORTER_OTLP_ENDPOINT unset) they are
 * no-ops. Attributes are codes, names and numbers: never a request body, a mobile, a key or anything a person typed.
 */
const tracer = () => trace.getTracer("levin-desk");

export type SpanOptions = { kind?: "client" | "internal"; attributes?: Attributes };

/** Runs `fn` in a span named `name`; a throw marks the span as failed and goes on up. */
export function inSpan<R>(name: string, options: SpanOptions, fn: (span: Span) => Promise<R>): Promise<R> {
  const context = currentRequestContext();
  const attributes: Attributes = {
    ...options.attributes,
    ...(context && "requestId" in context ? { "levin.request_id": context.requestId } : {}),
    ...(context && "jobId" in context ? { "levin.job_id": context.jobId } : {}),
  };
  const kind = options.kind === "client" ? SpanKind.CLIENT : SpanKind.INTERNAL;
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "thrown" });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span around one database transaction (or a statement that is its own), named after what it does. */
export function inDbSpan<R>(name: string, fn: () => Promise<R>): Promise<R> {
  return inSpan(`db ${name}`, { kind: "client", attributes: { "db.system": "postgresql", "db.operation.name": name } }, fn);
}
