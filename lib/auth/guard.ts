import "server-only";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { safeParse, type z } from "zod";
import { getTranslator } from "@/lib/i18n/server";
import { logEvent } from "@/lib/log";
import { withRequestContext } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER, vettedRequestId } from "@/lib/observability/request-id";
import { safeReturnPath } from "@/lib/security/login-redirect";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { currentUser, type DeskUser } from "./current-user";
import { may, type Permission } from "./permissions";

/** What a refused action returns: the form tells the person to sign in again, or that the role may not do this. */
export type Refused = { status: "refused"; reason: "signed-out" | "forbidden" };
/** Messages are dictionary keys where the schema gives them; the form shows them in the person's language. */
export type InvalidInput = {
  status: "invalid";
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** A posted form's fields as typed, to fill the form again; never a secret one (SECRET_FIELDS). */
  values?: Record<string, string>;
};

/** Fields a form never gets back: what was typed there goes to the action and nowhere else. */
const SECRET_FIELDS = new Set(["password", "otp", "aadhaar", "pan"]);

/** The sign-in page, remembering where the person was (the proxy passes the path along). */
export async function loginPathBack(): Promise<string> {
  const here = safeReturnPath((await headers()).get("x-desk-path"));
  return here ? `/login?next=${encodeURIComponent(here)}` : "/login";
}

/** For pages: signed out goes to /login, a role without the permission gets 403. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<DeskUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!may(user.role, permission)) forbidden();
  return user;
}

function firstMessages(error: z.core.$ZodError): InvalidInput {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[issue.path.length - 1] ?? "");
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  const formError = Object.keys(fieldErrors).length === 0 ? (error.issues[0]?.message ?? "error.request.shape") : null;
  return { status: "invalid", fieldErrors, formError };
}

/**
 * Every server action is a public POST endpoint: this reads the session, checks the role and parses the input
 * before the body runs. Nothing else in an action may come first.
 */
export function guardedAction<S extends z.core.$ZodType, R>(
  name: string,
  permission: Permission,
  schema: S | ((user: DeskUser) => S),
  body: (input: z.output<S>, user: DeskUser) => Promise<R>,
): (raw: unknown) => Promise<R | Refused | InvalidInput> {
  return (raw) => inRequest(null, () => guarded(name, permission, schema, body, raw));
}

async function guarded<S extends z.core.$ZodType, R>(
  name: string,
  permission: Permission,
  schema: S | ((user: DeskUser) => S),
  body: (input: z.output<S>, user: DeskUser) => Promise<R>,
  raw: unknown,
): Promise<R | Refused | InvalidInput> {
  const user = await currentUser();
  if (!user || !may(user.role, permission)) {
    logEvent("warn", "action.refused", { action: name, user: user?.username ?? "anonymous", role: user?.role ?? null });
    return { status: "refused", reason: user ? "forbidden" : "signed-out" };
  }
  const fields = raw instanceof FormData ? textFields(raw) : null;
  // The module function parses classic and zod/mini schemas alike (a form shared with the browser uses the latter).
  const parsed = safeParse(typeof schema === "function" ? schema(user) : schema, fields ?? raw);
  if (!parsed.success) return { ...firstMessages(parsed.error), ...(fields ? { values: echoable(fields) } : {}) };
  return body(parsed.data, user);
}

/**
 * Runs an action or handler under its request's id (proxy.ts set it on the request), so every log line and span
 * of it carries the id; a request the proxy did not see gets a fresh one.
 */
async function inRequest<R>(from: Headers | null, fn: () => Promise<R>): Promise<R> {
  const requestId = vettedRequestId((from ?? (await headers())).get(REQUEST_ID_HEADER)) ?? randomUUID();
  return withRequestContext({ requestId }, fn);
}

/** A posted form's text fields as an object, for the schema: no files, and none of React's own `$ACTION_` fields. */
function textFields(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")),
  );
}

/** What a refused form may show again. */
function echoable(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !SECRET_FIELDS.has(name)));
}

/**
 * The same guard for a form's own action (`useActionState`): the form posts to it before and without the page's
 * script, so nothing typed ever travels in a URL. The previous state is the form's, never trusted.
 */
export function guardedFormAction<S extends z.core.$ZodType, R>(
  name: string,
  permission: Permission,
  schema: S | ((user: DeskUser) => S),
  body: (input: z.output<S>, user: DeskUser) => Promise<R>,
): (previous: unknown, form: FormData) => Promise<R | Refused | InvalidInput> {
  const action = guardedAction(name, permission, schema, body);
  return async (_previous, form) => action(form);
}

/**
 * The same check for route handlers: anything but a read must come from the desk's own pages (403 otherwise), then
 * 401 signed out, 403 wrong role, as JSON in the person's language.
 */
async function requireRoutePermission(
  request: Request,
  permission: Permission,
): Promise<{ ok: true; user: DeskUser } | { ok: false; response: Response }> {
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (!isRead && !isSameOriginRequest(request.headers)) {
    const { t } = await getTranslator();
    logEvent("warn", "route.cross_site_refused", { path: new URL(request.url).pathname, site: request.headers.get("sec-fetch-site") });
    return { ok: false, response: Response.json({ error: t("api.crossSite") }, { status: 403 }) };
  }
  const user = await currentUser();
  if (user && may(user.role, permission)) return { ok: true, user };
  const { t } = await getTranslator();
  if (!user) return { ok: false, response: Response.json({ error: t("api.signedOut") }, { status: 401 }) };
  return { ok: false, response: Response.json({ error: t("api.forbidden") }, { status: 403 }) };
}

/** A route handler for a signed-in role with `permission`: the guard answers 403/401 before `handler` runs. */
export function guardedRoute<C = unknown>(
  permission: Permission,
  handler: (request: Request, user: DeskUser, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return (request, context) =>
    inRequest(request.headers, async () => {
      const access = await requireRoutePermission(request, permission);
      return access.ok ? handler(request, access.user, context) : access.response;
    });
}

/**
 * The few actions open to anyone (signing in and out, the language): the same guard minus the role. The input is
 * parsed before the body runs; whatever the body does with a session, it reads it itself.
 */
export function publicAction<R>(name: string, schema: null, body: () => Promise<R>): () => Promise<R>;
export function publicAction<S extends z.core.$ZodType, R>(
  name: string,
  schema: S,
  body: (input: z.output<S>) => Promise<R>,
): (raw: unknown) => Promise<R | InvalidInput>;
export function publicAction<S extends z.core.$ZodType, R>(
  name: string,
  schema: S | null,
  body: (input?: z.output<S>) => Promise<R>,
): (raw?: unknown) => Promise<R | InvalidInput> {
  // An action that takes nothing reads nothing from its caller.
  if (!schema) return () => inRequest(null, () => body());
  return (raw) => inRequest(null, () => parsedPublic(name, schema, body, raw));
}

async function parsedPublic<S extends z.core.$ZodType, R>(
  name: string,
  schema: S,
  body: (input?: z.output<S>) => Promise<R>,
  raw: unknown,
): Promise<R | InvalidInput> {
  const fields = raw instanceof FormData ? textFields(raw) : null;
  const parsed = safeParse(schema, fields ?? raw);
  if (!parsed.success) {
    logEvent("warn", "action.invalid", { action: name });
    return { ...firstMessages(parsed.error), ...(fields ? { values: echoable(fields) } : {}) };
  }
  return body(parsed.data);
}

/** `publicAction` for a form's own action (`useActionState`). */
export function publicFormAction<S extends z.core.$ZodType, R>(
  name: string,
  schema: S,
  body: (input: z.output<S>) => Promise<R>,
): (previous: unknown, form: FormData) => Promise<R | InvalidInput> {
  const action = publicAction(name, schema, body);
  return async (_previous, form) => action(form);
}

/** A route handler anyone may call (the health probe): said out loud, so no handler is public by omission. */
export function publicRoute<C = unknown>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return (request, context) => inRequest(request.headers, () => handler(request, context));
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * A route handler for operators' machines (Prometheus): no session, the bearer token from the environment instead.
 * While no token is set the route does not exist (404); a missing or wrong token is 401. Compared in constant time.
 */
export function bearerRoute<C = unknown>(
  token: () => string | null,
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return (request, context) =>
    inRequest(request.headers, async () => {
      const expected = token();
      if (!expected) return new Response("Not found", { status: 404 });
      const given = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
      if (!timingSafeEqual(digest(given), digest(expected))) {
        logEvent("warn", "route.bearer_refused", { path: new URL(request.url).pathname, given: given ? "wrong" : "none" });
        return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="levin-desk"' } });
      }
      return handler(request, context);
    });
}
