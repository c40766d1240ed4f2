import "server-only";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import type { buildAuth } from "./auth-instance";
import { SESSION_IDLE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-settings";
import type { SessionCookieSettings } from "./session-lookup";

export type Auth = ReturnType<typeof buildAuth>;

type AuthHolder = { db: Db; auth: Auth; cookie?: Promise<SessionCookieSettings> };
const holder = globalThis as typeof globalThis & { __levinDeskAuth?: AuthHolder };

async function current(): Promise<AuthHolder> {
  const db = await getDb();
  // Bound to the database it was built on: a script that closes one database and opens another gets a fresh one.
  if (holder.__levinDeskAuth?.db !== db) {
    const { buildAuth } = await import("./auth-instance");
    if (holder.__levinDeskAuth?.db !== db) holder.__levinDeskAuth = { db, auth: buildAuth(db) };
  }
  return holder.__levinDeskAuth;
}

/** One better-auth instance per process, on the project's database (embedded or PostgreSQL). */
export async function getAuth(): Promise<Auth> {
  return (await current()).auth;
}

/** What the session fast path needs to read better-auth's cookie itself: its name, its secret, the expiry settings. */
export async function sessionCookieSettings(): Promise<SessionCookieSettings> {
  const held = await current();
  held.cookie ??= held.auth.$context.then((context) => ({
    name: context.authCookies.sessionToken.name,
    secret: context.secret,
    expiresInSeconds: SESSION_IDLE_SECONDS,
    updateAgeSeconds: SESSION_UPDATE_AGE_SECONDS,
  }));
  return held.cookie;
}
