import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { ROLES, type Role } from "@/lib/db/schema-states";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { SESSION_COOKIE_NAMES } from "@/lib/security/login-redirect";
import { getAuth, sessionCookieSettings } from "./auth";
import { sessionUserByCookie, type SessionUser } from "./session-lookup";

export type DeskUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  userCode: string | null;
  locale: Locale | null;
  /** The shop's "lat,long" an admin set, sent with the agent's transfers. */
  shopLatlong: string | null;
  /** The sign-in this request belongs to: what a customer's verification is bound to. */
  sessionId: string;
};

function asRole(value: unknown): Role | null {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

function asDeskUser(user: Partial<SessionUser> & { id: string; name: string }, sessionId: string): DeskUser | null {
  const role = asRole(user.role);
  if (!role || user.disabled || !user.username) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role,
    userCode: user.userCode ?? null,
    locale: isLocale(user.locale) ? user.locale : null,
    shopLatlong: user.shopLatlong ?? null,
    sessionId,
  };
}

/**
 * The signed-in person, read once per request; null when signed out, expired, revoked or disabled. Every request
 * reads the database, so a disabled account or a revoked session is refused at once; the common case takes one
 * query (`sessionUserByCookie`), and better-auth itself handles everything else (refresh, expiry, clean-up).
 */
export const currentUser = cache(async (): Promise<DeskUser | null> => {
  const requestHeaders = await headers();
  // No session cookie, no session: better-auth would say the same without being asked.
  const cookie = requestHeaders.get("cookie") ?? "";
  if (!SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))) return null;
  const quick = await sessionUserByCookie(await getDb(), cookie, await sessionCookieSettings());
  if (quick) return asDeskUser(quick, quick.sessionId);
  const session = await (await getAuth()).api.getSession({ headers: requestHeaders });
  return session ? asDeskUser(session.user as typeof session.user & Partial<SessionUser>, session.session.id) : null;
});
