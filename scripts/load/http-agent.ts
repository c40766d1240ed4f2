import { actionResult } from "../lib/server-action";
import type { ActionTarget } from "./capture";

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
