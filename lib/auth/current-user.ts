import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { ROLES, type Role } from "@/lib/db/schema-states";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getAuth } from "./auth";

export type DeskUser = { id: string; username: string; name: string; role: Role; userCode: string | null; locale: Locale | null };

function asRole(value: unknown): Role | null {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

/** The signed-in person, read once per request; null when signed out, expired, revoked or disabled. */
export const currentUser = cache(async (): Promise<DeskUser | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as typeof session.user & {
    username?: string | null;
    role?: unknown;
    userCode?: string | null;
    disabled?: boolean;
    locale?: string | null;
  };
  const role = asRole(user.role);
  if (!role || user.disabled || !user.username) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role,
    userCode: user.userCode ?? null,
    locale: isLocale(user.locale) ? user.locale : null,
  };
});
