import { describe, expect, it } from "vitest";
import { bearerRoute } from "@/lib/auth/guard";

const TOKEN = "a-test-token-of-thirty-two-chars";

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
