"use server";

import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocaleCookie } from "@/lib/i18n/server";
import { saveUserLocale } from "@/lib/users/preferences";

const localeSchema = z.object({ locale: z.enum(LOCALES) });

/**
 * Open to anyone, like sign-in (the login page has the switch too): it parses its input, sets the language cookie,
 * and for a signed-in person also keeps the choice on their own account. Setting a cookie re-renders the page.
 */
export async function setLocaleAction(raw: unknown): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  await setLocaleCookie(parsed.data.locale);
  const user = await currentUser();
  if (user) await saveUserLocale(user.id, parsed.data.locale);
  return { ok: true };
}
