import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { authSessions, authUsers } from "@/lib/db/schema";

/** The session cookie's name and signing secret, and the sliding-expiry settings better-auth runs with. */
export type SessionCookieSettings = { name: string; secret: string; expiresInSeconds: number; updateAgeSeconds: number };

export type SessionUser = {
  id: string;
  username: string | null;
  name: string;
  role: string;
  userCode: string | null;
  disabled: boolean;
  locale: string | null;
  shopLatlong: string | null;
  sessionId: string;
};

/**
 * The token of a session cookie signed with `secret` (better-auth's format: URI-encoded `token.signature`, the
 * signature a base64 HMAC-SHA256 of the token), or null when it is malformed or the signature does not match.
 */
export function verifiedToken(cookieValue: string, secret: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(cookieValue);
  } catch {
    return null;
  }
  const dot = decoded.lastIndexOf(".");
  if (dot < 1) return null;
  const token = decoded.slice(0, dot);
  const given = Buffer.from(decoded.slice(dot + 1), "utf8");
  const expected = Buffer.from(createHmac("sha256", secret).update(token, "utf8").digest("base64"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

// Read on every request: prepared once per database (a named statement, parsed once per connection). The expiry is
// compared by the database, whatever type a driver hands timestamps back as.
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionByToken>>();

function prepareSessionByToken(db: Db) {
  return db
    .select({
      id: authUsers.id,
      username: authUsers.username,
      name: authUsers.name,
      role: authUsers.role,
      userCode: authUsers.userCode,
      disabled: authUsers.disabled,
      locale: authUsers.locale,
      shopLatlong: authUsers.shopLatlong,
      sessionId: authSessions.id,
    })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(and(eq(authSessions.token, sql.placeholder("token")), gt(authSessions.expiresAt, sql`${sql.placeholder("freshAfter")}::timestamptz`)))
    .limit(1)
    .prepare("session_by_token");
}

/**
 * The common case of reading a session in one indexed query: a validly signed cookie whose session exists, has not
 * expired and is not yet due for its sliding refresh. Anything else is `undefined`, "ask better-auth", which then
 * refuses, deletes or refreshes exactly as it always does; this never answers "signed out" on its own.
 */
export async function sessionUserByCookie(
  db: Db,
  cookieHeader: string | null,
  settings: SessionCookieSettings,
  now = new Date(),
): Promise<SessionUser | undefined> {
  const proof = sessionProof(cookieHeader, settings, now);
  if (!proof) return undefined;
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSessionByToken(db)));
  const [row] = await query.execute({ token: proof.token, freshAfter: proof.freshAfter.toISOString() });
  return row;
}

/**
 * A session the agent may be read from without better-auth: its token, from a cookie whose signature has been checked,
 * and the expiry beyond which it needs no sliding refresh.
 */
type SessionProof = { token: string; freshAfter: Date };

/**
 * The token of a validly signed session cookie, and the expiry a session must lie beyond to need no sliding refresh:
 * better-auth pushes expiry ahead once `updateAge` has passed since the last push (expiry minus `expiresIn`), and
 * that write is its to make. Null without a validly signed cookie. No database is read.
 */
function sessionProof(cookieHeader: string | null, settings: SessionCookieSettings, now = new Date()): SessionProof | null {
  const raw = cookieValue(cookieHeader, settings.name);
  const token = raw ? verifiedToken(raw, settings.secret) : null;
  if (!token) return null;
  return { token, freshAfter: new Date(now.getTime() + (settings.expiresInSeconds - settings.updateAgeSeconds) * 1000) };
}
