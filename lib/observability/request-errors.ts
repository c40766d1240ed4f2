import "server-only";
import { logEvent } from "@/lib/log";
import { withRequestContext } from "./request-context";
import { REQUEST_ID_HEADER, vettedRequestId } from "./request-id";

type ErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type ErrorContext = Readonly<{ routePath: string; routeType: string; renderSource?: string }>;

/**
 * Next's onRequestError hook: a page render, route, action or proxy that failed logs one structured line under the
 * request's id (proxy.ts set it), like every other line of that request. The message and the query string are left
 * out: either may hold what someone typed, and the digest joins the line to the error page the agent saw.
 */
export function logRequestError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = vettedRequestId(Array.isArray(header) ? (header[0] ?? null) : (header ?? null));
  const failure = error instanceof Error ? error : null;
  const fields = {
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    renderSource: context.renderSource,
    error: failure?.name ?? typeof error,
    code: failure && "code" in failure && typeof failure.code === "string" ? failure.code : undefined,
    digest: failure && "digest" in failure && typeof failure.digest === "string" ? failure.digest : undefined,
  };
  const log = () => logEvent("error", "request.failed", fields);
  if (requestId) withRequestContext({ requestId }, log);
  else log();
}
