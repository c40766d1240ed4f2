import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import { withAccountLock } from "@/lib/auth/account-lock";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import type { Queryable, Tx } from "@/lib/db/open";
import { authAccounts, authSessions, authUsers } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema-states";
import { createTranslator } from "@/lib/i18n/dictionaries";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import { readLatlong } from "@/lib/transfers/fields";
import type { NewUser } from "./schema";

export type UserSummary = {
  id: string;
  username: string;
  name: string;
  role: Role;
  userCode: string | null;
  shopLatlong: string | null;
  disabled: boolean;
  createdAt: string;
};

/** A refusal to show the person: a dictionary key and its values; `message` is the English, for logs and the CLI. */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: Vars = {},
  ) {
    super(createTranslator("en")(key, vars));
  }
}

async function findByUsername(username: string) {
  const db = await getDb();
  return db.query.authUsers.findFirst({ where: (u, { eq: equals }) => equals(u.username, username) });
}

async function requireUser(username: string) {
  const user = await findByUsername(username);
  if (!user) throw new UserError("users.error.notFound", { username });
  return user;
}

/** Changes the account and ends its sessions in one transaction, under the lock sign-in takes for the same account. */
async function changeAndRevoke(username: string, change: (tx: Tx) => Promise<unknown>, userId: string) {
  await withAccountLock(await getDb(), username, async (tx) => {
    await change(tx);
    await tx.delete(authSessions).where(eq(authSessions.userId, userId));
  });
}

export async function listUsers(): Promise<UserSummary[]> {
  const db = await getDb();
  const rows = await db.select().from(authUsers).orderBy(asc(authUsers.username));
  return rows.map((u) => ({
    id: u.id,
    username: u.username ?? "",
    name: u.name,
    role: u.role,
    userCode: u.userCode,
    shopLatlong: u.shopLatlong,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  }));
}

/** Creates a user with a password hashed by better-auth's own hashing. */
export async function createUser(user: NewUser, actor: string): Promise<void> {
  if (await findByUsername(user.username)) throw new UserError("users.error.exists", { username: user.username });
  const context = await (await getAuth()).$context;
  const created = await context.internalAdapter.createUser(
    {
      name: user.name || user.username,
      email: `${user.username}@users.levin-desk.invalid`,
      emailVerified: true,
      username: user.username,
      displayUsername: user.username,
      role: user.role,
      userCode: user.userCode ?? null,
      disabled: false,
    },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: await context.password.hash(user.password),
  });
  // Not one of better-auth's fields, so it is written here.
  if (user.shopLatlong) await (await getDb()).update(authUsers).set({ shopLatlong: user.shopLatlong }).where(eq(authUsers.id, created.id));
  await recordAudit(await getDb(), {
    actor,
    action: "user.created",
    target: user.username,
    detail: { role: user.role, userCode: user.userCode ?? null, shopLatlong: user.shopLatlong ?? null },
  });
}

export async function setDisabled(username: string, disabled: boolean, actor: string): Promise<void> {
  const user = await requireUser(username);
  const db = await getDb();
  const change = (tx: Queryable) => tx.update(authUsers).set({ disabled, updatedAt: new Date() }).where(eq(authUsers.id, user.id));
  if (disabled) await changeAndRevoke(username, change, user.id);
  else await change(db);
  await recordAudit(db, { actor, action: disabled ? "user.disabled" : "user.enabled", target: username });
}

export async function resetPassword(username: string, password: string, actor: string): Promise<void> {
  const user = await requireUser(username);
  const context = await (await getAuth()).$context;
  const hash = await context.password.hash(password);
  // A sign-in with the old password that is being checked right now loses its session too (lib/auth/sign-in.ts).
  await changeAndRevoke(
    username,
    (tx) =>
      tx
        .update(authAccounts)
        .set({ password: hash, updatedAt: new Date() })
        .where(and(eq(authAccounts.userId, user.id), eq(authAccounts.providerId, "credential"))),
    user.id,
  );
  await recordAudit(await getDb(), { actor, action: "user.password_reset", target: username });
}

export async function setRole(username: string, role: Role, actor: string): Promise<void> {
  const user = await requireUser(username);
  if (role === "agent" && !user.userCode) throw new UserError("users.error.agentNeedsCode");
  await changeAndRevoke(username, (tx) => tx.update(authUsers).set({ role, updatedAt: new Date() }).where(eq(authUsers.id, user.id)), user.id);
  await recordAudit(await getDb(), { actor, action: "user.role_changed", target: username, detail: { from: user.role, to: role } });
}

export async function setUserCode(username: string, userCode: string, actor: string): Promise<void> {
  const user = await requireUser(username);
  const db = await getDb();
  await db.update(authUsers).set({ userCode, updatedAt: new Date() }).where(eq(authUsers.id, user.id));
  await recordAudit(db, { actor, action: "user.user_code_changed", target: username, detail: { from: user.userCode, to: userCode } });
}

/** Sets the shop's location the agent's transfers send Eko, or with null removes it. */
export async function setShopLocation(username: string, latlong: string | null, actor: string): Promise<void> {
  const shopLatlong = latlong === null ? null : readLatlong(latlong);
  if (latlong !== null && !shopLatlong) throw new UserError("users.error.shopLatlong");
  const user = await requireUser(username);
  const db = await getDb();
  await db.update(authUsers).set({ shopLatlong, updatedAt: new Date() }).where(eq(authUsers.id, user.id));
  await recordAudit(db, { actor, action: "user.shop_location_changed", target: username, detail: { from: user.shopLatlong, to: shopLatlong } });
}
