import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { safeParse, type z } from "zod";
import { getTranslator } from "@/lib/i18n/server";
import { logEvent } from "@/lib/log";
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
  return async (raw) => {
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
  };
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
export async function requireRoutePermission(
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
  if (!schema) return async () => body();
  return async (raw) => {
    const fields = raw instanceof FormData ? textFields(raw) : null;
    const parsed = safeParse(schema, fields ?? raw);
    if (!parsed.success) {
      logEvent("warn", "action.invalid", { action: name });
      return { ...firstMessages(parsed.error), ...(fields ? { values: echoable(fields) } : {}) };
    }
    return body(parsed.data);
  };
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
export function publicRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return handler;
}
