import type { APIRequestContext, Page, Request } from "@playwright/test";

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
 * `page.on("request")`. Waits for the action's response too, so the page has settled when this returns.
 */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: Request | undefined;
  const onRequest = (request: Request) => {
    if (!captured && isAction(request)) captured = request;
  };
  page.on("request", onRequest);
  try {
    const responded = page.waitForResponse((response) => isAction(response.request()));
    await trigger();
    await responded;
  } finally {
    page.off("request", onRequest);
  }
  if (!captured) throw new Error("No server action was posted");
  return toCaptured(captured);
}

/**
 * The action's return value from its RSC answer: row 0 is `{"a":"$@<row>",…}`, pointing at the row that holds it
 * (`1:{"status":"sent",…}`). Null when the answer has no such row (an error page, a redirect).
 */
export function actionResult(text: string): Record<string, unknown> | null {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([0-9a-f]+):(\{.*\})$/);
    if (match?.[1] && match[2]) rows.set(match[1], JSON.parse(match[2]));
  }
  const head = rows.get("0");
  const pointer = typeof head === "object" && head !== null && "a" in head && typeof head.a === "string" ? head.a.match(/^\$@([0-9a-f]+)$/)?.[1] : undefined;
  const value = pointer ? rows.get(pointer) : undefined;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Sends a captured action again, the way a script would: the action id, content type and Origin of the site it
 * goes to, the given body, and whatever session `api` holds (none, or another role's). `base` sends it to another
 * instance of the app.
 */
export async function replayAction(api: APIRequestContext, action: CapturedAction, options: { body?: string; base?: string } = {}): Promise<ActionReply> {
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
