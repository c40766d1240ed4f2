import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { auditEvents, authSessions, authUsers, signInAttempts } from "@/lib/db/schema";
import { createUser, resetPassword } from "@/lib/users/service";
import { signIn } from "./sign-in";
import { admitSignIn, LOCK_AFTER_FOR_USERNAME, settleSignIn, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";

const dataDir = mkdtempSync(path.join(tmpdir(), "ld-sign-in-"));
const PASSWORD = "sign-in-test-password";
const from = (ipAddress: string) => ({ headers: new Headers(), ipAddress });

beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "", AUTH_SECURE_COOKIES: "false", SIGN_IN_PER_ADDRESS_PER_MINUTE: "" });
});
afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

async function failuresAudited(username: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "sign_in.failed"), eq(auditEvents.target, username)));
  return row?.n ?? 0;
}

async function sessionsOf(username: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(eq(authUsers.username, username));
  return row?.n ?? 0;
}

describe("the sign-in throttle", () => {
  it("checks at most five guesses when twenty arrive at once, then refuses even the right password", async () => {
    await createUser({ username: "parallel", password: PASSWORD, role: "supervisor" }, "test");
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => signIn({ username: "parallel", password: `wrong-password-${n}` }, from(`198.51.100.${n + 1}`))),
    );
    expect(guesses.filter((g) => !g.ok && g.error === "login.error.wrong")).toHaveLength(LOCK_AFTER_FOR_USERNAME);
    expect(guesses.filter((g) => !g.ok && g.error === "login.error.throttled")).toHaveLength(20 - LOCK_AFTER_FOR_USERNAME);
    expect(await failuresAudited("parallel")).toBe(LOCK_AFTER_FOR_USERNAME);
    expect(await signIn({ username: "parallel", password: PASSWORD }, from("198.51.100.99"))).toEqual({ ok: false, error: "login.error.throttled" });
    expect(await sessionsOf("parallel")).toBe(0);
  }, 120_000);

  it("after 1,000 bad sign-ins for one username from one address, the user signs in once the window ends; they wrote five rows", async () => {
    const db = await getDb();
    const start = Date.parse("2026-12-01T10:00:00Z");
    const attempt = (offsetMs: number, ipAddress = "203.0.113.66") =>
      admitSignIn(db, { username: "flooded", ipAddress, perAddressPerMinute: 20, now: new Date(start + offsetMs) });
    // One every 100 ms for 100 s: under the old rule each refusal pushed the lock on, so it would last till 100 s + 15 min.
    const answers = [];
    for (let i = 0; i < 1_000; i += 1) answers.push(await attempt(i * 100));
    expect(answers.filter((a) => a.admitted)).toHaveLength(LOCK_AFTER_FOR_USERNAME);
    const [written] = await db.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.username, "flooded"));
    expect(written?.n).toBe(LOCK_AFTER_FOR_USERNAME);

    expect(await attempt(SIGN_IN_WINDOW_MS - 1_000, "192.0.2.1")).toMatchObject({ admitted: false, refusal: "username" });
    expect(await attempt(SIGN_IN_WINDOW_MS + 1_000, "192.0.2.1")).toMatchObject({ admitted: true });
  }, 120_000);

  it("caps what one address may attempt in a minute, across usernames, and counts its failures over the window", async () => {
    const db = await getDb();
    const start = Date.parse("2026-12-02T10:00:00Z");
    const attempt = (username: string, offsetMs: number) =>
      admitSignIn(db, { username, ipAddress: "203.0.113.77", perAddressPerMinute: 20, now: new Date(start + offsetMs) });
    const burst = [];
    for (let i = 0; i < 25; i += 1) burst.push(await attempt(`spray-${i}`, i * 10));
    expect(burst.filter((a) => a.admitted)).toHaveLength(20);
    expect(burst.at(-1)).toMatchObject({ admitted: false, refusal: "address-rate" });
    // A minute later the rate allows more, until 30 failed attempts lock the address for the window.
    for (const admitted of burst) if (admitted.admitted) await settleSignIn(db, admitted.attemptId, "failed");
    const later = [];
    for (let i = 0; i < 15; i += 1) {
      const answer = await attempt(`spray-late-${i}`, 61_000 + i * 10);
      if (answer.admitted) await settleSignIn(db, answer.attemptId, "failed");
      later.push(answer);
    }
    expect(later.filter((a) => a.admitted)).toHaveLength(10);
    expect(later.at(-1)).toMatchObject({ admitted: false, refusal: "address" });
  }, 120_000);

  it("lets a shop's agents sign in together from one address: checks still running lock nothing", async () => {
    const db = await getDb();
    const now = new Date("2026-12-02T12:00:00Z");
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => admitSignIn(db, { username: `shop-agent-${i}`, ipAddress: "203.0.113.88", perAddressPerMinute: 100, now })),
    );
    expect(together.every((a) => a.admitted)).toBe(true);
  }, 120_000);
});

describe("a password reset racing a sign-in with the old password", () => {
  it("leaves no session made with the old password, in every interleaving tried", async () => {
    await createUser({ username: "racer", password: PASSWORD, role: "agent", userCode: "20810200" }, "test");
    let password = PASSWORD;
    for (let round = 0; round < 4; round += 1) {
      const next = `${PASSWORD}-round-${round}`;
      // Both hash with scrypt, so the reset's write lands while the sign-in is still checking the old password.
      const [signedIn] = await Promise.all([signIn({ username: "racer", password }, from(`192.0.2.${round + 10}`)), resetPassword("racer", next, "test")]);
      expect(signedIn.ok === false || (await sessionsOf("racer")) === 0).toBe(true);
      expect(await sessionsOf("racer")).toBe(0);
      password = next;
    }
    // The new password works, and keeps its session.
    expect(await signIn({ username: "racer", password }, from("192.0.2.99"))).toMatchObject({ ok: true });
    expect(await sessionsOf("racer")).toBe(1);
  }, 120_000);
});
