import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import type { Queryable } from "@/lib/db/open";
import { authAccounts, authSessions, authUsers } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema-states";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/translate";
import { logEvent } from "@/lib/log";
import { countLimitHit } from "@/lib/observability/metrics";
import { withAccountLock } from "./account-lock";
import { getAuth } from "./auth";
import { authSettings } from "./auth-settings";
import { admitSignIn, settleSignIn } from "./sign-in-throttle";

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: "Enter your username." }).max(64, { error: "Usernames are at most 32 characters." }),
  password: z.string().min(1, { error: "Enter your password." }).max(256),
});

/** `locale` is the language kept on the account (null until the person chooses one); errors are message keys. */
export type SignInResult = { ok: true; role: Role; locale: Locale | null } | { ok: false; error: MessageKey };

/** Who is asking: the request's headers (better-auth reads and sets cookies through them) and the client's address. */
export type SignInRequest = { headers: Headers; ipAddress: string | null };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class PasswordChangedDuringSignIn extends Error {
  override name = "PasswordChangedDuringSignIn";
}

/** The account's password hash as it is now; a password reset changes it. */
async function passwordHash(db: Queryable, username: string): Promise<string | null> {
  const [row] = await db
    .select({ password: authAccounts.password })
    .from(authAccounts)
    .innerJoin(authUsers, eq(authUsers.id, authAccounts.userId))
    .where(and(eq(authUsers.username, username), eq(authAccounts.providerId, "credential")))
    .limit(1);
  return row?.password ?? null;
}

/**
 * Signs in through better-auth, throttled (lib/auth/sign-in-throttle.ts): the attempt is recorded before the password
 * is checked, and each failure slows the next answer. A password reset that lands while the password is being
 * checked ends the session it would otherwise have left behind.
 */
export async function signIn(input: z.output<typeof signInSchema>, request: SignInRequest): Promise<SignInResult> {
  const db = await getDb();
  const { username } = input;
  const { ipAddress } = request;
  const admission = await admitSignIn(db, { username, ipAddress, perAddressPerMinute: authSettings().signInPerAddressPerMinute });
  if (!admission.admitted) {
    logEvent("warn", "auth.sign_in_throttled", { username, refusal: admission.refusal });
    countLimitHit(`sign-in-${admission.refusal}`);
    return { ok: false, error: "login.error.throttled" };
  }
  const hashBefore = await passwordHash(db, username);
  try {
    const auth = await getAuth();
    const answer = await auth.api.signInUsername({ body: { username, password: input.password }, headers: request.headers });
    const signedIn = answer?.user as { role?: Role; locale?: string | null } | undefined;
    const kept = await withAccountLock(db, username, async (tx) => {
      if ((await passwordHash(tx, username)) !== hashBefore) {
        if (answer?.token) await tx.delete(authSessions).where(eq(authSessions.token, answer.token));
        return false;
      }
      await settleSignIn(tx, admission.attemptId, "succeeded");
      await recordAudit(tx, { actor: username, action: "sign_in.succeeded", target: username, ipAddress });
      return true;
    });
    if (!kept) throw new PasswordChangedDuringSignIn();
    return { ok: true, role: signedIn?.role ?? "agent", locale: signedIn?.locale ? localeOr(signedIn.locale) : null };
  } catch (error) {
    await settleSignIn(db, admission.attemptId, "failed");
    await recordAudit(db, { actor: "anonymous", action: "sign_in.failed", target: username, detail: { reason: "credentials" }, ipAddress });
    logEvent("warn", "auth.sign_in_failed", {
      username,
      failures: admission.failures + 1,
      code: error instanceof Error ? error.name : "unknown",
    });
    await pause(Math.min(4_000, 250 * 2 ** admission.failures));
    return { ok: false, error: "login.error.wrong" };
  }
}

export async function signOut(headers: Headers): Promise<void> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  await auth.api.signOut({ headers });
  const username = (session?.user as { username?: string } | undefined)?.username;
  if (username) await recordAudit(await getDb(), { actor: username, action: "sign_out", target: username });
}
