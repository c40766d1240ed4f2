"use server";

import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { publicAction } from "@/lib/auth/guard";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocaleCookie } from "@/lib/i18n/server";
import { saveUserLocale } from "@/lib/users/preferences";

const localeSchema = z.object({ locale: z.enum(LOCALES) });

/**
 * Open to anyone, like sign-in (the login page has the switch too): it parses its input, sets the language cookie,
 * and for a signed-in person also keeps the choice on their own account. Setting a cookie re-renders the page.
 */
export const setLocaleAction = publicAction("setLocale", localeSchema, async ({ locale }) => {
  await setLocaleCookie(locale);
  const user = await currentUser();
  if (user) await saveUserLocale(user.id, locale);
  return { ok: true } as const;
});
