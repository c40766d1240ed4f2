import "server-only";

/**
 * `npm run bench` measures the desk against the framework's own floor: a route handler that only signs and calls Eko,
 * and a page with nothing of ours on it, in the same build. They answer only when the bench starts the server with
 * BENCH_BARE_ROUTES=1; everywhere else they are a plain 404.
 */
export function bareRoutesEnabled(): boolean {
  return process.env.BENCH_BARE_ROUTES === "1";
}
