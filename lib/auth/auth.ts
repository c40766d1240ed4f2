import "server-only";
import { hkdfSync } from "node:crypto";
import { drizzleAdapter } from "@better-auth/drizzle-adapter";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { authSchema } from "@/lib/db/schema";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { usernameSchema } from "@/lib/users/schema";
import { authSettings } from "./auth-settings";
import type { SessionCookieSettings } from "./session-fast-path";

export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
export const MIN_PASSWORD_LENGTH = 12;

/** The auth secret is derived from the ledger key: one secret to keep, and every instance derives the same. */
function authSecret(): string {
  return Buffer.from(hkdfSync("sha256", loadLedgerKey(process.env), "levin-desk-auth", "better-auth-secret", 32)).toString("base64");
}

function buildAuth(db: Db) {
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
      maxPasswordLength: 128,
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

export type Auth = ReturnType<typeof buildAuth>;

type AuthHolder = { db: Db; auth: Auth; cookie?: Promise<SessionCookieSettings> };
const holder = globalThis as typeof globalThis & { __levinDeskAuth?: AuthHolder };

async function current(): Promise<AuthHolder> {
  const db = await getDb();
  // Bound to the database it was built on: a script that closes one database and opens another gets a fresh one.
  if (holder.__levinDeskAuth?.db !== db) holder.__levinDeskAuth = { db, auth: buildAuth(db) };
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
