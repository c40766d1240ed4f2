import type { ActionTarget } from "./capture";

/** The action's return value from its RSC answer (row 0 points at the row that holds it). */
export function actionResult(text: string): Record<string, unknown> | null {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([0-9a-f]+):(\{.*\})$/);
    if (match?.[1] && match[2]) rows.set(match[1], JSON.parse(match[2]));
  }
  const head = rows.get("0") as { a?: unknown } | undefined;
  const pointer = typeof head?.a === "string" ? head.a.match(/^\$@([0-9a-f]+)$/)?.[1] : undefined;
  const value = pointer ? rows.get(pointer) : undefined;
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

export type Reply = { httpStatus: number; result: Record<string, unknown> | null; setCookies: string[] };

/** Posts a server action the way the browser does: its id, its content type, this site's Origin, a JSON args body. */
export async function postAction(baseUrl: string, action: ActionTarget, args: unknown[], cookie?: string): Promise<Reply> {
  const path = new URL(action.url).pathname;
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      "next-action": action.actionId,
      "content-type": action.contentType,
      accept: "text/x-component",
      origin: baseUrl,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(args),
    redirect: "manual",
  });
  const text = await response.text();
  return { httpStatus: response.status, result: actionResult(text), setCookies: response.headers.getSetCookie() };
}

/** Signs an agent in through the sign-in action and returns the session cookie to send with its requests. */
export async function signInOverHttp(baseUrl: string, action: ActionTarget, username: string, password: string): Promise<string> {
  const reply = await postAction(baseUrl, action, [{ username, password }]);
  const session = reply.setCookies.map((c) => c.split(";")[0] ?? "").find((c) => c.includes("session_token="));
  if (!session) throw new Error(`Sign-in for ${username} gave no session (HTTP ${reply.httpStatus})`);
  return session;
}
