import type { APIRequestContext, Page, Request } from "@playwright/test";
import { actionResult } from "../../scripts/lib/server-action";

export { actionResult };

/** A server-action POST as the browser sent it: enough for a script to send it again. */
export type CapturedAction = { url: string; actionId: string; contentType: string; body: string };

/** What an action answered: the HTTP status, the raw response, and the action's return value when one was found. */
export type ActionReply = { status: number; text: string; result: Record<string, unknown> | null };

const isAction = (request: Request) => request.method() === "POST" && request.headers()["next-action"] !== undefined;

function toCaptured(request: Request): CapturedAction {
  const headers = request.headers();
  return {
    url: request.url(),
    actionId: headers["next-action"] ?? "",
    contentType: headers["content-type"] ?? "text/plain;charset=UTF-8",
    body: request.postData() ?? "",
  };
}

/**
 * Records the next server action the page posts while `trigger` runs (e.g. submitting a form), via
 * `page.on("request")`; `matches` picks one by its body when the page may post others meanwhile. Waits for the
 * action's response too, so the page has settled when this returns.
 */
export async function captureAction(
  page: Page,
  trigger: () => Promise<void>,
  matches: (body: string) => boolean = () => true,
): Promise<CapturedAction> {
  let captured: Request | undefined;
  const onRequest = (request: Request) => {
    if (!captured && isAction(request) && matches(request.postData() ?? "")) captured = request;
  };
  page.on("request", onRequest);
  try {
    // Its own response: other actions (the recent-recipients lookup) may answer meanwhile.
    const responded = page.waitForResponse((response) => captured !== undefined && response.request() === captured);
    await trigger();
    await responded;
  } finally {
    page.off("request", onRequest);
  }
  if (!captured) throw new Error("No server action was posted");
  return toCaptured(captured);
}

/**
 * Sends a captured action again, the way a script would: the action id, content type and Origin of the site it
 * goes to, the given body, and whatever session `api` holds (none, or another role's). `base` sends it to another
 * instance of the app.
 */
export async function replayAction(
  api: APIRequestContext,
  action: CapturedAction,
  options: { body?: string; base?: string } = {},
): Promise<ActionReply> {
  const url = new URL(action.url);
  const target = options.base ? new URL(`${url.pathname}${url.search}`, options.base) : url;
  const response = await api.post(target.toString(), {
    headers: { "next-action": action.actionId, "content-type": action.contentType, accept: "text/x-component", origin: target.origin },
    data: options.body ?? action.body,
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), text, result: actionResult(text) };
}
