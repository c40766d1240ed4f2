import { existsSync, readFileSync } from "node:fs";
import type { ReceivedSpan } from "../scripts/lib/otlp-receiver";
import { expect, test } from "./fixtures";
import { apiAs } from "./support/role-api";
import { APP_LOG, EKO, METRICS_TOKEN, SPANS_FILE } from "./support/settings";

const spans = (): ReceivedSpan[] =>
  existsSync(SPANS_FILE)
    ? readFileSync(SPANS_FILE, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ReceivedSpan)
    : [];

const SENT = /^levin_eko_calls_total\{operation="send-transaction-otp",outcome="ok",reason=""\} (\d+)$/m;

test.describe("an operator's view of the desk", () => {
  test("/api/metrics needs the bearer token and no session", async ({ playwright }) => {
    for (const authorization of [undefined, "Bearer wrong-token-of-enough-length-000", `Basic ${METRICS_TOKEN}`]) {
      const api = await apiAs(playwright, "agent", authorization ? { extraHTTPHeaders: { authorization } } : {});
      const answer = await api.get("/api/metrics", { maxRedirects: 0 });
      expect(answer.status(), authorization).toBe(401);
      expect(await answer.text()).not.toContain("levin_");
      await api.dispose();
    }
  });

  test("a Send OTP through the simulator shows in the trace, in /api/metrics and in the log under one request id", async ({
    playwright,
    transferPage,
    freshMobile,
  }) => {
    const operator = await apiAs(playwright, "anonymous", { extraHTTPHeaders: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const scrape = async () => {
      const answer = await operator.get("/api/metrics");
      expect(answer.status()).toBe(200);
      expect(answer.headers()["content-type"]).toMatch(/^text\/plain/);
      return answer.text();
    };
    const sentBefore = Number(SENT.exec(await scrape())?.[1] ?? 0);

    // Every response names its request's id: the one of the action that sent the OTP is in the log line of the call.
    const answered = new Set<string>();
    transferPage.page.on("response", (response) => void answered.add(response.headers()["x-request-id"] ?? ""));
    await transferPage.send({ recipientId: "10017740", amount: "2500", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    const logged = readFileSync(APP_LOG, "utf8")
      .split("\n")
      .filter((line) => line.includes('"event":"eko.send_otp"') && line.includes(`"customer":"••••••${freshMobile.slice(-4)}"`))
      .map((line) => JSON.parse(line) as { requestId: string; traceId: string });
    expect(logged).toHaveLength(1);
    const { requestId } = logged[0]!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered).toContain(requestId);

    const text = await scrape();
    expect(Number(SENT.exec(text)?.[1])).toBeGreaterThan(sentBefore);
    expect(text).toMatch(/^levin_eko_call_duration_seconds_count\{operation="send-transaction-otp"\} [1-9]\d*$/m);
    expect(text).toMatch(/^levin_eko_breaker_state\{state="closed"\} 1$/m);
    expect(text).toMatch(/^levin_pending_inquiries\{kind="transfer"\} \d+$/m);
    await operator.dispose();

    // Spans leave the desk about once a second.
    let call: ReceivedSpan | undefined;
    await expect
      .poll(() => (call = spans().find((s) => s.name === "eko send-transaction-otp" && s.attributes["levin.request_id"] === requestId)))
      .toBeTruthy();
    expect(call).toMatchObject({ service: "levin-desk", attributes: { "eko.outcome": "ok", "http.response.status_code": 200 } });
    await expect
      .poll(() =>
        spans()
          .filter((s) => s.traceId === call?.traceId && s.name.startsWith("db "))
          .map((s) => s.name),
      )
      .toContain("db otp-completion");
    const trace = spans().filter((s) => s.traceId === call?.traceId);
    // The admission: one statement on the embedded database, a transaction under advisory locks on PostgreSQL.
    expect(trace.map((s) => s.name).filter((name) => /^db (transaction )?otp-admission$/.test(name))).toHaveLength(1);
    // Next's own span for the request is the root the desk's spans hang under.
    expect(trace.some((s) => s.parentSpanId === null)).toBe(true);

    expect(logged[0]!.traceId).toBe(call?.traceId);
  });

  test("no span carries a customer's mobile, a key or a request body", async ({ transferPage, freshMobile }) => {
    const calls = () => spans().filter((s) => s.name === "eko send-transaction-otp").length;
    const before = calls();
    await transferPage.send({ recipientId: "10017740", amount: "2600", customerMobile: freshMobile });
    await expect(transferPage.result).toBeVisible();
    await expect.poll(calls).toBeGreaterThan(before);
    const all = readFileSync(SPANS_FILE, "utf8");
    // Nor Eko's URLs: Next's own fetch spans (the sender's path holds the mobile) are off while the desk traces.
    for (const secret of [freshMobile, EKO.developerKey, EKO.accessKey, EKO.initiatorId, "secret-key", "ekoapi"]) {
      expect(all.includes(secret), `a span carried ${secret.slice(0, 4)}…`).toBe(false);
    }
  });
});
