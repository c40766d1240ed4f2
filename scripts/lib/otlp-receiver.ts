import { createServer, type Server } from "node:http";

/** One span as an operator reads it: OTLP's JSON flattened to names and plain values. */
export type ReceivedSpan = {
  service: string | null;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  durationMs: number;
  status: number;
  attributes: Record<string, string | number | boolean>;
};

type AnyValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: KeyValue[];
  status?: { code?: number };
};
type OtlpTraces = { resourceSpans?: { resource?: { attributes?: KeyValue[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[] };

const plain = (value: AnyValue): string | number | boolean =>
  value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : (value.doubleValue ?? value.boolValue ?? ""));
const attributesOf = (list: KeyValue[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]));

/** Every span of one OTLP/HTTP JSON export request. */
export function spansOf(body: OtlpTraces): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resource) => {
    const service = attributesOf(resource.resource?.attributes)["service.name"];
    return (resource.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service: typeof service === "string" ? service : null,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || null,
        name: span.name,
        durationMs: Math.round((Number(span.endTimeUnixNano) - Number(span.startTimeUnixNano)) / 1e6),
        status: span.status?.code ?? 0,
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/**
 * A stand-in for an OpenTelemetry collector: takes OTLP/HTTP JSON on POST /v1/traces (as the desk sends it) and hands
 * each span to `onSpan`; GET /health answers 200. Protobuf is refused (415): the desk never sends it.
 */
export function startOtlpReceiver(port: number, onSpan: (span: ReceivedSpan) => void): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") return void res.writeHead(200).end("ok");
    if (req.method !== "POST" || req.url !== "/v1/traces") return void res.writeHead(404).end();
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return void res.writeHead(415).end();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        spansOf(JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTraces).forEach(onSpan);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
