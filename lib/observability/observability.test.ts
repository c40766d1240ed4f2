import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/open";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { CircuitBreaker } from "@/lib/eko/circuit-breaker";
import { logEvent } from "@/lib/log";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { otpInput, serviceDeps, simulatedEkoForFile, submission } from "@/lib/otp-requests/testing/service-harness";
import { countEkoCall, getMetrics } from "./metrics";
import { withRequestContext } from "./request-context";

const TOKEN = "a-test-token-of-thirty-two-chars";
const current = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock("@/lib/db/client", () => ({ getDb: async () => current.db ?? Promise.reject(new Error("no database")) }));
const get = (route: (request: Request, context: unknown) => Promise<Response>, authorization: string) =>
  route(new Request("http://desk.test/api/metrics", { headers: { authorization } }), {});

const eko = simulatedEkoForFile();
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const REQUEST_ID = "test-request-000000001";

beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

const counted = async (operation: string, outcome: string) =>
  (await getMetrics().ekoCalls.get()).values.find((v) => v.labels.operation === operation && v.labels.outcome === outcome)?.value ?? 0;
const limitsHit = async (limit: string) => (await getMetrics().limitsHit.get()).values.find((v) => v.labels.limit === limit)?.value ?? 0;

describeEachDatabase("an operator's view: spans, numbers and log lines", (database) => {
  let GET: (request: Request, context: unknown) => Promise<Response>;
  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    ({ GET } = await import("@/app/api/metrics/route"));
  });
  beforeEach(async () => {
    await database.reset();
    exporter.reset();
    current.db = database.db;
  });

  it("traces the Eko call and the ledger's writes under the request's id, with no mobile, key or OTP in any attribute", async () => {
    const input = otpInput({ customerMobile: "9812345670" });
    const before = await counted("send-transaction-otp", "ok");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      const deps = serviceDeps(database.db, eko, { breaker: new CircuitBreaker({ failures: 5, cooldownMs: 30_000 }) });
      // Next's own span for the request is the parent in a running server.
      const request = () =>
        trace.getTracer("next").startActiveSpan("POST /", (span) => requestTransactionOtp(input, submission(), deps).finally(() => span.end()));
      const result = await withRequestContext({ requestId: REQUEST_ID }, request);
      expect(result.status).toBe("sent");
    } finally {
      spy.mockRestore();
    }

    const spans = exporter.getFinishedSpans();
    const call = spans.find((span) => span.name === "eko send-transaction-otp");
    expect(call?.attributes).toMatchObject({
      "eko.operation": "send-transaction-otp",
      "eko.outcome": "ok",
      "http.response.status_code": 200,
      "levin.request_id": REQUEST_ID,
    });
    const names = spans.map((span) => span.name);
    await vi.waitFor(() => expect(exporter.getFinishedSpans().map((span) => span.name)).toContain("db otp-completion"));
    // One statement on the embedded database, a transaction under advisory locks on PostgreSQL.
    expect(names.some((name) => /^db (transaction )?otp-admission$/.test(name))).toBe(true);
    const attributes = JSON.stringify(spans.map((span) => span.attributes));
    for (const secret of [input.customerMobile, eko.config.accessKey, eko.config.developerKey]) expect(attributes).not.toContain(secret);

    expect(await counted("send-transaction-otp", "ok")).toBe(before + 1);
    const histogram = (await getMetrics().ekoDuration.get()).values.find(
      (v) => v.labels.operation === "send-transaction-otp" && v.metricName?.endsWith("_count"),
    );
    expect(histogram?.value).toBeGreaterThanOrEqual(1);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.event === "eko.send_otp");
    expect(logged).toMatchObject({ requestId: REQUEST_ID, traceId: call?.spanContext().traceId, outcome: "sent" });
  });

  it("counts a request refused by a limit, by the limit's name", async () => {
    const deps = serviceDeps(database.db, eko, { limits: { mobilePer15Min: 1, mobilePer24Hours: 10, agentPer15Min: 100 } });
    const before = await limitsHit("mobile-15m");
    const input = otpInput({ customerMobile: "9812345671" });
    expect((await requestTransactionOtp(input, submission(), deps)).status).toBe("sent");
    expect((await requestTransactionOtp(input, submission(), deps)).status).toBe("limited");
    expect(await limitsHit("mobile-15m")).toBe(before + 1);
  });

  it("scrapes as Prometheus text: Eko calls by operation and outcome, their latency, the breaker and the inquiries still open", async () => {
    // One registry per process: each database's run finds the other's call already counted.
    const timeouts = async () =>
      Number(
        /^levin_eko_calls_total\{operation="transaction-inquiry",outcome="unknown",reason="timeout"\} (\d+)$/m.exec(
          await (await get(GET, `Bearer ${TOKEN}`)).text(),
        )?.[1] ?? 0,
      );
    const before = await timeouts();
    countEkoCall("transaction-inquiry", { kind: "unknown", reason: "timeout" }, 15);
    expect(await timeouts()).toBe(before + 1);
    const answer = await get(GET, `Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    expect(text).toMatch(new RegExp(`^levin_eko_call_duration_seconds_bucket\\{le="15",operation="transaction-inquiry"\\} ${before + 1}$`, "m"));
    expect(text).toMatch(/^levin_eko_call_duration_seconds_bucket\{le="8",operation="transaction-inquiry"\} 0$/m);
    expect(text).toMatch(/^levin_eko_breaker_state\{state="closed"\} 1$/m);
    expect(text).toMatch(/^levin_pending_inquiries\{kind="transfer"\} 0$/m);
    expect(text).toMatch(/^levin_pending_inquiries\{kind="refund"\} 0$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it("leaves the inquiries out of a scrape the database cannot answer, and still answers the rest", async () => {
    current.db = null;
    const text = await (await get(GET, `Bearer ${TOKEN}`)).text();
    expect(text).not.toMatch(/^levin_pending_inquiries\{/m);
    expect(text).toMatch(/^levin_eko_breaker_state\{state="closed"\} 1$/m);
  });
});

it("a line outside any request or job carries no id; inside one, its id", () => {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  try {
    logEvent("info", "test.outside");
    withRequestContext({ jobId: "inquiries-1" }, () => logEvent("info", "test.job"));
  } finally {
    spy.mockRestore();
  }
  const [outside, job] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(outside).not.toHaveProperty("requestId");
  expect(outside).not.toHaveProperty("jobId");
  expect(job).toMatchObject({ event: "test.job", jobId: "inquiries-1" });
});
