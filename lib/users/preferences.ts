import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authUsers } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** Keeps a person's language on their account, so it follows them to any phone they sign in on. */
export async function saveUserLocale(userId: string, locale: Locale): Promise<void> {
  const db = await getDb();
  await db.update(authUsers).set({ locale }).where(eq(authUsers.id, userId));
}
