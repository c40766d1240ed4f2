import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { authSessions, authUsers } from "@/lib/db/schema";
import { createUser } from "@/lib/users/service";
import { getAuth, sessionCookieSettings } from "./auth";
import { sessionUserByCookie, verifiedToken } from "./session-lookup";

const dataDir = mkdtempSync(path.join(tmpdir(), "ld-session-"));
const PASSWORD = "session-test-password";

beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "", AUTH_SECURE_COOKIES: "false" });
});
afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in through better-auth itself and returns the Cookie header a browser would send back. */
async function signIn(username: string): Promise<string> {
  const response = await (await getAuth()).api.signInUsername({ body: { username, password: PASSWORD }, asResponse: true });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function tokenOf(cookie: string): Promise<string> {
  const { name, secret } = await sessionCookieSettings();
  const value = cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))!
    .slice(name.length + 1);
  return verifiedToken(value, secret)!;
}

describe("the session fast path", () => {
  it("reads better-auth's own cookie in one query and agrees with better-auth on who is signed in", async () => {
    await createUser({ username: "meena", password: PASSWORD, role: "agent", userCode: "20810200" }, "test");
    const cookie = await signIn("meena");
    const user = await sessionUserByCookie(await getDb(), cookie, await sessionCookieSettings());
    expect(user).toMatchObject({ username: "meena", role: "agent", userCode: "20810200", disabled: false });
    const session = await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.id).toBe(user?.id);
  }, 180_000);

  it("leaves to better-auth a forged, expired, revoked or refresh-due session, and reports a disabled account", async () => {
    await createUser({ username: "ravi", password: PASSWORD, role: "supervisor" }, "test");
    const db = await getDb();
    const settings = await sessionCookieSettings();
    const cookie = await signIn("ravi");
    const token = await tokenOf(cookie);
    const quick = () => sessionUserByCookie(db, cookie, settings);
    const setExpiry = (ms: number) =>
      db
        .update(authSessions)
        .set({ expiresAt: new Date(Date.now() + ms) })
        .where(eq(authSessions.token, token));

    expect(await sessionUserByCookie(db, cookie.replace(/\.([^.;]+)(;|$)/, ".AAAA$2"), settings)).toBeUndefined();
    expect(await sessionUserByCookie(db, null, settings)).toBeUndefined();

    await setExpiry(-1_000);
    expect(await quick()).toBeUndefined();
    // Last pushed ahead more than `updateAge` ago: better-auth pushes it again and re-sets the cookie.
    await setExpiry(settings.expiresInSeconds * 1000 - settings.updateAgeSeconds * 1000 - 1_000);
    expect(await quick()).toBeUndefined();
    await setExpiry(settings.expiresInSeconds * 1000);
    expect(await quick()).toMatchObject({ username: "ravi" });

    await db.update(authUsers).set({ disabled: true }).where(eq(authUsers.username, "ravi"));
    expect(await quick()).toMatchObject({ username: "ravi", disabled: true });

    await db.delete(authSessions).where(eq(authSessions.token, token));
    expect(await quick()).toBeUndefined();
  }, 180_000);
});
