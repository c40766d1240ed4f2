import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import { closeDb } from "@/lib/db/client";
import { openDatabase, type DbHandle } from "@/lib/db/open";
import { otpRequests } from "@/lib/db/schema";
import uat from "@/lib/eko-sim/uat-values.json";
import { listRequests } from "@/lib/otp-requests/review-repository";
import { requestTransactionOtp } from "@/lib/otp-requests/service";
import { otpInput, serviceDeps, simulatedEkoForFile, submission } from "@/lib/otp-requests/testing/service-harness";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import { checkSettings } from "@/lib/settings";
import { createUser, listUsers } from "@/lib/users/service";
import { createScratchDatabase, dropScratchDatabase } from "@/scripts/lib/scratch-database";

// What docs/going-live.md tells an operator to do, on a real server: pg_dump -Fc, pg_restore into an empty database,
// start with the same LEDGER_KEY; and what they see with another key (the desk starts, old rows cannot be read).
const serverUrl = process.env.TEST_DATABASE_URL?.trim();
if (!serverUrl) console.warn("Backup and restore test skipped: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it");

const run = promisify(execFile);
const MOBILE = "9876543210";
const ADMIN = { username: "restore-admin", password: "restore-admin-password", role: "admin" as const };
const KEY = randomBytes(32).toString("base64");
const OTHER_KEY = randomBytes(32).toString("base64");
const EKO_ENV = {
  EKO_BASE_URL: "https://staging.eko.in/ekoapi/v3",
  EKO_DEVELOPER_KEY: uat.developerKey,
  EKO_ACCESS_KEY: uat.accessKey,
  EKO_INITIATOR_ID: uat.initiatorId,
  EKO_USER_CODE: uat.userCode,
};
const from = { headers: new Headers(), ipAddress: "192.0.2.10" };

describe.skipIf(!serverUrl)("a PostgreSQL backup, restored", () => {
  const server = serverUrl ?? "";
  const eko = simulatedEkoForFile();
  const scratch: string[] = [];
  const handles: DbHandle[] = [];
  let folder = "";
  let restoredUrl = "";

  /** The process's database and key, as an instance started with these settings would have them. */
  async function startAs(url: string, key: string) {
    await closeDb();
    Object.assign(process.env, { ...EKO_ENV, DATABASE_URL: url, LEDGER_KEY: key, DATA_DIR: folder, AUTH_SECURE_COOKIES: "false" });
  }

  async function open(url: string) {
    const handle = await openDatabase({ kind: "postgres", url });
    handles.push(handle);
    await handle.migrate();
    return handle.db;
  }

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "ld-backup-"));
    const dump = path.join(folder, "levin-desk.dump");
    const source = await createScratchDatabase(server, "ld_backup");
    scratch.push(source.name);
    const vault = new MobileVault(loadLedgerKey({ DATABASE_URL: source.url, LEDGER_KEY: KEY }));
    const sent = await requestTransactionOtp(otpInput({ customerMobile: MOBILE }), submission(), serviceDeps(await open(source.url), eko, { vault }));
    expect(sent.status).toBe("sent");
    await startAs(source.url, KEY);
    await createUser(ADMIN, "test");
    await closeDb();

    await run("pg_dump", ["-Fc", "-f", dump, "-d", source.url]);
    const restored = await createScratchDatabase(server, "ld_restore");
    scratch.push(restored.name);
    await run("pg_restore", ["--no-owner", "--exit-on-error", "-d", restored.url, dump]);
    restoredUrl = restored.url;
  }, 60_000);

  afterAll(async () => {
    await closeDb();
    await Promise.all(handles.map((handle) => handle.close()));
    for (const name of scratch) await dropScratchDatabase(server, name);
    if (folder) rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it("reads back with the same LEDGER_KEY: the mobile by its search and in full, and the admin signs in", async () => {
    const db = await open(restoredUrl); // as a starting instance does: migrations find nothing to do
    const vault = new MobileVault(loadLedgerKey({ DATABASE_URL: restoredUrl, LEDGER_KEY: KEY }));
    const found = await listRequests(db, { filters: {}, mobileHash: vault.hash(MOBILE), staleBefore: new Date(0) }, { limit: 10 });
    expect(found.rows).toMatchObject([{ state: "sent", customerMobileMasked: expect.stringMatching(/3210$/) }]);
    const [row] = await db
      .select()
      .from(otpRequests)
      .where(eq(otpRequests.id, found.rows[0]?.id ?? -1));
    expect(vault.decrypt(row?.customerMobileEncrypted ?? "")).toBe(MOBILE);

    await startAs(restoredUrl, KEY);
    expect((await listUsers()).map((user) => user.username)).toEqual([ADMIN.username]);
    expect(await signIn(ADMIN, from)).toMatchObject({ ok: true, role: "admin" });
  }, 30_000);

  it("with another LEDGER_KEY the desk starts, shows masked rows, but finds no mobile and cannot read one; passwords still work", async () => {
    expect(() => checkSettings({ ...EKO_ENV, DATABASE_URL: restoredUrl, LEDGER_KEY: OTHER_KEY })).not.toThrow();
    const db = await open(restoredUrl);
    const other = new MobileVault(loadLedgerKey({ DATABASE_URL: restoredUrl, LEDGER_KEY: OTHER_KEY }));

    const all = await listRequests(db, { filters: {}, staleBefore: new Date(0) }, { limit: 10 });
    expect(all.rows).toMatchObject([{ customerMobileMasked: expect.stringMatching(/3210$/) }]);
    const searched = await listRequests(db, { filters: {}, mobileHash: other.hash(MOBILE), staleBefore: new Date(0) }, { limit: 10 });
    expect(searched.rows).toEqual([]);
    const [row] = await db.select().from(otpRequests);
    expect(() => other.decrypt(row?.customerMobileEncrypted ?? "")).toThrow(/authenticate/);

    await startAs(restoredUrl, OTHER_KEY);
    expect(await signIn(ADMIN, from)).toMatchObject({ ok: true, role: "admin" });
  }, 30_000);
});
