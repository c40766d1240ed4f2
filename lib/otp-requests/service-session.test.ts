import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { authSessions, authUsers } from "@/lib/db/auth-schema";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { LimitSettings } from "./limit-settings";
import type { SessionProof } from "@/lib/auth/session-fast-path";
import { requestTransactionOtp, requestTransactionOtpForSession } from "./service";
import { otpInput, rowsForSubmission, serviceDeps, simulatedEkoForFile, submission } from "./testing/service-harness";

const eko = simulatedEkoForFile();
const NOW = new Date("2026-11-28T09:00:00.000Z");
const HOUR = 3_600_000;
// A session is fresh (needs no refresh by better-auth) while it expires after this.
const FRESH_AFTER = new Date(NOW.getTime() + 6 * HOUR);

type Account = { role?: "agent" | "supervisor" | "admin"; userCode?: string | null; disabled?: boolean; expiresAt?: Date };

describeEachDatabase("the send path that reads the agent from the session while admitting", (database) => {
  beforeEach(async () => {
    await database.reset();
    await database.db.execute(sql`truncate table auth_users cascade`);
  });

  const deps = (limits?: LimitSettings) => serviceDeps(database.db, eko, { now: () => NOW, ...(limits ? { limits } : {}) });

  /** An account with one session; returns the session's token. */
  async function account(username: string, { role = "agent", userCode = "20810200", disabled = false, expiresAt }: Account = {}) {
    const id = `user-${username}`;
    await database.db.insert(authUsers).values({ id, name: username, email: `${username}@desk.test`, username, role, userCode, disabled });
    const token = randomUUID();
    await database.db
      .insert(authSessions)
      .values({ id: `session-${username}`, token, userId: id, expiresAt: expiresAt ?? new Date(NOW.getTime() + 7 * 24 * HOUR) });
    return token;
  }
  const proof = (token: string): SessionProof => ({ token, freshAfter: FRESH_AFTER });

  it("records the row as the session's agent, with their Eko user code, and sends once", async () => {
    const token = await account("ravi", { userCode: "20110001" });
    const context = { session: proof(token), submissionId: randomUUID() };
    const result = await requestTransactionOtpForSession(otpInput(), context, deps());
    expect(result).toMatchObject({ status: "sent" });
    expect(await rowsForSubmission(database.db, context.submissionId)).toMatchObject([
      { agent: "ravi", agentId: "user-ravi", userCode: "20110001", state: "sent" },
    ]);
    expect(eko.sim.received).toHaveLength(1);
    expect(eko.sim.received[0]?.body).toMatchObject({ user_code: "20110001" });
    // The same submission again is the same request, not a second OTP.
    expect(await requestTransactionOtpForSession(otpInput(), context, deps())).toEqual(result);
    expect(eko.sim.received).toHaveLength(1);
  });

  it.each<[string, Account]>([
    ["a supervisor", { role: "supervisor" }],
    ["a disabled agent", { disabled: true }],
    ["an agent without an Eko user code", { userCode: null }],
    ["a session due for its refresh", { expiresAt: new Date(FRESH_AFTER.getTime() - 1) }],
    ["an expired session", { expiresAt: new Date(NOW.getTime() - 1) }],
  ])("does not vouch for %s: nothing is written or sent, and the caller takes the full way", async (_, settings) => {
    const token = await account("mira", settings);
    const context = { session: proof(token), submissionId: randomUUID() };
    expect(await requestTransactionOtpForSession(otpInput(), context, deps())).toBeNull();
    expect(await rowsForSubmission(database.db, context.submissionId)).toEqual([]);
    expect(eko.sim.received).toHaveLength(0);
  });

  it("does not vouch for a token no session has", async () => {
    await account("ravi");
    expect(await requestTransactionOtpForSession(otpInput(), { session: proof("no-such-token"), submissionId: randomUUID() }, deps())).toBeNull();
    expect(eko.sim.received).toHaveLength(0);
  });

  it("counts the session's agent against the agent limit, sharing it with requests made the full way", async () => {
    const token = await account("ravi");
    const limits: LimitSettings = { mobilePer15Min: 100, mobilePer24Hours: 100, agentPer15Min: 2 };
    const actor = { agent: "ravi", agentId: "user-ravi", userCode: "20810200" };
    expect(await requestTransactionOtp(otpInput({ customerMobile: "9000000001" }), submission(actor), deps(limits))).toMatchObject({
      status: "sent",
    });
    const second = { session: proof(token), submissionId: randomUUID() };
    expect(await requestTransactionOtpForSession(otpInput({ customerMobile: "9000000002" }), second, deps(limits))).toMatchObject({ status: "sent" });
    const third = { session: proof(token), submissionId: randomUUID() };
    const refused = await requestTransactionOtpForSession(otpInput({ customerMobile: "9000000003" }), third, deps(limits));
    expect(refused).toMatchObject({ status: "limited", limit: "agent-15m", max: 2 });
    expect(await rowsForSubmission(database.db, third.submissionId)).toMatchObject([{ agent: "ravi", state: "limited" }]);
    expect(eko.sim.received).toHaveLength(2);
  });
});
