import { actionResult } from "../lib/server-action";
import type { ActionTarget } from "./capture";

export type Reply = { httpStatus: number; result: Record<string, unknown> | null; setCookies: string[] };

/** Posts a server action the way the browser does: its id, its content type, this site's Origin, a JSON args body. */
export async function postAction(baseUrl: string, action: ActionTarget, args: unknown[], cookie?: string): Promise<Reply> {
  return post(baseUrl, action, JSON.stringify(args), { "content-type": action.contentType, ...(cookie ? { cookie } : {}) });
}

/**
 * Posts a form's action (`useActionState`) the way React does from the browser: the form's fields as parts named
 * `_1_<field>`, and the arguments `[previous state, the form]` as part `0`.
 */
export async function postFormAction(baseUrl: string, action: ActionTarget, fields: Record<string, string>, cookie?: string): Promise<Reply> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  // fetch writes the multipart content type with its boundary itself.
  return post(baseUrl, action, body, cookie ? { cookie } : {});
}

async function post(baseUrl: string, action: ActionTarget, body: string | FormData, headers: Record<string, string>): Promise<Reply> {
  const path = new URL(action.url).pathname;
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "next-action": action.actionId, accept: "text/x-component", origin: baseUrl, ...headers },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  return { httpStatus: response.status, result: actionResult(text), setCookies: response.headers.getSetCookie() };
}

/** Signs an agent in through the sign-in action and returns the session cookie to send with its requests. */
export async function signInOverHttp(baseUrl: string, action: ActionTarget, username: string, password: string): Promise<string> {
  const reply = await postFormAction(baseUrl, action, { username, password });
  const session = reply.setCookies.map((c) => c.split(";")[0] ?? "").find((c) => c.includes("session_token="));
  if (!session) throw new Error(`Sign-in for ${username} gave no session (HTTP ${reply.httpStatus})`);
  return session;
}
