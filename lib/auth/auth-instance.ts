import "server-only";
import { hkdfSync } from "node:crypto";
import { drizzleAdapter } from "@better-auth/drizzle-adapter";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import type { Db } from "@/lib/db/open";
import { authSchema } from "@/lib/db/schema";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { usernameSchema } from "@/lib/users/schema";
import { authSettings } from "./auth-settings";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, SESSION_IDLE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-settings";

/*
 * better-auth and what it brings (kysely, jose, @noble) are about 0.6 MB of server code, a seventh of a second to
 * load on a slow host. Only `./auth` imports this module, when a request first needs a session: so the sign-in page,
 * the first page a started server serves, comes without it to a visitor who is signed out.
 */

/** The auth secret is derived from the ledger key: one secret to keep, and every instance derives the same. */
function authSecret(): string {
  return Buffer.from(hkdfSync("sha256", loadLedgerKey(), "levin-desk-auth", "better-auth-secret", 32)).toString("base64");
}

export function buildAuth(db: Db) {
  const settings = authSettings();
  return betterAuth({
    appName: "Levin Desk",
    secret: authSecret(),
    baseURL: settings.baseUrl,
    // Without DESK_URL the origin comes from each request, which is what a desk behind one address wants; the
    // library's warning about that would otherwise print on every start and every `npm run users`.
    logger: { level: "error" },
    database: drizzleAdapter(db, { provider: "pg", schema: authSchema }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: {
      // Sliding: each use after `updateAge` pushes expiry 12 h ahead, so a session ends after 12 hours idle.
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      // No cookie cache: a disabled user or a revoked session is refused on the very next request.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "agent", input: false },
        userCode: { type: "string", required: false, input: false },
        disabled: { type: "boolean", required: true, defaultValue: false, input: false },
        locale: { type: "string", required: false, input: false },
        shopLatlong: { type: "string", required: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no new session, whatever its password.
          before: async (session) => {
            const user = await db.query.authUsers.findFirst({ where: (u, { eq }) => eq(u.id, session.userId) });
            return user && !user.disabled ? { data: session } : false;
          },
        },
      },
    },
    advanced: {
      useSecureCookies: settings.secureCookies,
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 32, usernameValidator: (name) => usernameSchema.safeParse(name).success }),
      nextCookies(),
    ],
  });
}
