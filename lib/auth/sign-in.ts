import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import { headers } from "next/headers";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema-states";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/translate";
import { logEvent } from "@/lib/log";
import { getAuth } from "./auth";
import { clientAddress, trustedProxyHops } from "./client-address";

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: "Enter your username." }).max(64, { error: "Usernames are at most 32 characters." }),
  password: z.string().min(1, { error: "Enter your password." }).max(256),
});

/** `locale` is the language kept on the account (null until the person chooses one); errors are message keys. */
export type SignInResult = { ok: true; role: Role; locale: Locale | null } | { ok: false; error: MessageKey };

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_AFTER_FOR_USERNAME = 5;
// A whole shop can sit behind one address: lock the address only well after a single username.
const LOCK_AFTER_FOR_ADDRESS = 30;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function clientIp(): Promise<string | null> {
  return clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
}

/**
 * Failed sign-ins are counted from the audit trail (in the database, so every instance sees them): each failure
 * slows the next answer, and five in 15 minutes for a username or an address lock it out until the window passes.
 */
async function recentFailures(username: string, ip: string | null): Promise<{ forUsername: number; forAddress: number }> {
  const db = await getDb();
  const since = new Date(Date.now() - WINDOW_MS);
  const failed = and(eq(auditEvents.action, "sign_in.failed"), gte(auditEvents.at, since));
  const [byName] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(failed, eq(auditEvents.target, username)));
  const [byIp] = ip
    ? await db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(failed, eq(auditEvents.ipAddress, ip)))
    : [];
  return { forUsername: byName?.n ?? 0, forAddress: byIp?.n ?? 0 };
}

export async function signIn(input: z.output<typeof signInSchema>): Promise<SignInResult> {
  const db = await getDb();
  const ip = await clientIp();
  const recent = await recentFailures(input.username, ip);
  const failures = Math.max(recent.forUsername, Math.floor(recent.forAddress / 6));
  if (recent.forUsername >= LOCK_AFTER_FOR_USERNAME || recent.forAddress >= LOCK_AFTER_FOR_ADDRESS) {
    await recordAudit(db, {
      actor: "anonymous",
      action: "sign_in.failed",
      target: input.username,
      detail: { reason: "throttled", failures },
      ipAddress: ip,
    });
    return { ok: false, error: "login.error.throttled" };
  }
  try {
    const auth = await getAuth();
    const answer = await auth.api.signInUsername({ body: { username: input.username, password: input.password }, headers: await headers() });
    const signedIn = answer?.user as { role?: Role; locale?: string | null } | undefined;
    const role = signedIn?.role ?? "agent";
    await recordAudit(db, { actor: input.username, action: "sign_in.succeeded", target: input.username, ipAddress: ip });
    return { ok: true, role, locale: signedIn?.locale ? localeOr(signedIn.locale) : null };
  } catch (error) {
    await recordAudit(db, { actor: "anonymous", action: "sign_in.failed", target: input.username, detail: { reason: "credentials" }, ipAddress: ip });
    logEvent("warn", "auth.sign_in_failed", {
      username: input.username,
      failures: failures + 1,
      code: error instanceof Error ? error.name : "unknown",
    });
    await pause(Math.min(4_000, 250 * 2 ** failures));
    return { ok: false, error: "login.error.wrong" };
  }
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  await auth.api.signOut({ headers: await headers() });
  const username = (session?.user as { username?: string } | undefined)?.username;
  if (username) await recordAudit(await getDb(), { actor: username, action: "sign_out", target: username });
}
