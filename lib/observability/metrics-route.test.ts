import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { bearerRoute } from "@/lib/auth/guard";
import type { Db } from "@/lib/db/open";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { countEkoCall } from "./metrics";

const TOKEN = "a-test-token-of-thirty-two-chars";
const current = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock("@/lib/db/client", () => ({ getDb: async () => current.db ?? Promise.reject(new Error("no database")) }));

const ok = async () => new Response("numbers");
const get = (route: (request: Request, context: unknown) => Promise<Response>, authorization?: string) =>
  route(new Request("http://desk.test/api/metrics", { headers: authorization ? { authorization } : {} }), {});

describe("/api/metrics' door: the bearer token from the environment, no session", () => {
  it("does not exist while no token is set", async () => {
    expect(
      (
        await get(
          bearerRoute(() => null, ok),
          `Bearer ${TOKEN}`,
        )
      ).status,
    ).toBe(404);
  });

  it("refuses a missing, wrong or differently sent token with 401, and lets the right one through", async () => {
    const route = bearerRoute(() => TOKEN, ok);
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer  ${TOKEN}`]) {
      const answer = await get(route, authorization);
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const answer = await get(route, `Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("numbers");
  });
});

describeEachDatabase("the scrape: Prometheus text of this process's numbers", (database) => {
  let GET: (request: Request, context: unknown) => Promise<Response>;
  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    ({ GET } = await import("@/app/api/metrics/route"));
  });
  beforeEach(async () => {
    await database.reset();
    current.db = database.db;
  });

  it("answers Eko calls by operation and outcome, their latency, the breaker and the inquiries still open", async () => {
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
