import "server-only";
import { getEkoConfig } from "@/lib/eko/config";
import type { EkoEnvironment } from "@/lib/eko/environment";
import { readSettings, settings } from "@/lib/settings";

/**
 * `npm run bench` measures the desk against the framework's own floor: a route handler that only signs and calls Eko,
 * and a page with nothing of ours on it. They exist only in a build made with BENCH_BARE_ROUTES=1 (next.config.js),
 * answer only while the server runs with it too, and the handler only while Eko is the local simulator: it makes
 * signed calls without a session.
 */
export function bareRoutesEnabled(env?: Record<string, string | undefined>): boolean {
  return (env ? readSettings("bench", env) : settings("bench")).bareRoutes;
}

export function bareHandlerEnabled(env?: Record<string, string | undefined>, eko: EkoEnvironment = getEkoConfig().environment): boolean {
  return bareRoutesEnabled(env) && eko === "simulator";
}
