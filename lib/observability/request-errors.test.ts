import { afterEach, expect, it, vi } from "vitest";
import { logRequestError } from "./request-errors";

const REQUEST_ID = "0f6c1c0e-5d7e-4a59-9a8a-1d2b3c4d5e6f";
const render = { routePath: "/customers/[visit]", routeType: "render", renderSource: "server-rendering" } as const;

function logged(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.restoreAllMocks());

it("logs a failed page render as one line under the id proxy.ts gave the request, with the error's digest", () => {
  const error = Object.assign(new Error('invalid input syntax for type bigint: "9812345670"'), { digest: "2741930815", code: "22P02" });
  const [line, ...rest] = logged(() =>
    logRequestError(error, { path: "/customers/v1?mobile=9812345670", method: "GET", headers: { "x-request-id": REQUEST_ID } }, render),
  );
  expect(rest).toEqual([]);
  expect(line).toMatchObject({
    level: "error",
    event: "request.failed",
    requestId: REQUEST_ID,
    path: "/customers/v1",
    route: "/customers/[visit]",
    routeType: "render",
    error: "Error",
    code: "22P02",
    digest: "2741930815",
  });
  // Neither the message nor the query string: both may carry what was typed.
  expect(JSON.stringify(line)).not.toContain("9812345670");
});

it("logs without an id rather than believe a malformed one", () => {
  const [line] = logged(() => logRequestError("boom", { path: "/", method: "GET", headers: { "x-request-id": "<script>" } }, render));
  expect(line).toMatchObject({ event: "request.failed", error: "string" });
  expect(line).not.toHaveProperty("requestId");
});
