import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line and span of one request (or one run of a background job) is tagged with. */
export type RequestContext = { requestId: string } | { jobId: string };

// One store per process, shared by every bundle that imports this module (it hangs off globalThis).
const holder = globalThis as typeof globalThis & { __levinDeskRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__levinDeskRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` with `context`: whatever it awaits or starts logs under the same id. */
export function withRequestContext<R>(context: RequestContext, fn: () => R): R {
  return storage.run(context, fn);
}

/** The id of the request or job this code runs for; undefined at start-up and outside any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
