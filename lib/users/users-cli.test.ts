import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { failureMessage, runUsersCommand } from "@/scripts/lib/users-command";

// A throw-away embedded database: the real command (a process, as an operator types it) for what only a process
// shows (standard input, exit codes, the database named first, the lock), the same command in-process for the rest.
const dataDir = mkdtempSync(path.join(tmpdir(), "ld-users-cli-"));
Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" });
afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

const SECRET = "a long enough secret";

/** The command with `input` on its standard input (a pipe, so it reads the password from there, not a prompt). */
function spawnUsers(input: string, ...args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/users.ts", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, out: `${result.stdout}${result.stderr}` };
}

/** The same command in this process, `password` as what the operator would type. */
async function usersWith(password: string, ...args: string[]) {
  try {
    return { code: 0, out: await runUsersCommand(args, { readPassword: async () => password, note: () => undefined }) };
  } catch (error) {
    return { code: 1, out: failureMessage(error) };
  }
}
const users = (...args: string[]) => usersWith(SECRET, ...args);

describe("npm run users, as a process", () => {
  it("names the database, then adds with the password from standard input; lists", () => {
    const added = spawnUsers(`${SECRET}\n`, "add", "--username", "Asha.K", "--role", "agent", "--user-code", "20810200");
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(`Database: embedded, in ${path.join(dataDir, "pglite")}`);
    expect(added.stdout).toContain("Added asha.k");
    expect(spawnUsers("", "list").out).toMatch(/asha\.k\s+agent\s+20810200\s+active/);
  }, 120_000);

  it("never takes a password on the command line, and refuses an unknown command, exiting 1", () => {
    const refused = spawnUsers("", "add", "--username", "meera", "--password", SECRET, "--role", "supervisor");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Passwords are not taken on the command line");
    expect(spawnUsers("", "frobnicate").code).toBe(1);
  }, 60_000);
});

describe("npm run users, its commands", () => {
  it("adds, lists, disables and resets, refusing bad input with a clear message", async () => {
    const short = await usersWith("short", "add", "--username", "ravi", "--role", "agent", "--user-code", "1");
    expect(short.code).toBe(1);
    expect(short.out).toContain("Passwords are at least 12 characters.");

    const noCode = await users("add", "--username", "ravi", "--role", "agent");
    expect(noCode.code).toBe(1);
    expect(noCode.out).toContain("An agent needs their Eko user_code.");

    const duplicate = await users("add", "--username", "asha.k", "--role", "supervisor");
    expect(duplicate).toMatchObject({ code: 1 });
    expect(duplicate.out).toContain("already exists");

    expect((await users("disable", "--username", "asha.k")).code).toBe(0);
    expect((await users("list")).out).toMatch(/asha\.k.*disabled/);
    expect((await users("reset-password", "--username", "nobody")).out).toContain("No user named nobody.");
    expect((await users("frobnicate")).code).toBe(1);
  }, 120_000);

  it("never takes a password on the command line, and changes nothing when given one", async () => {
    const refused = await users("add", "--username", "meera", "--password", SECRET, "--role", "supervisor");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Passwords are not taken on the command line");
    expect((await users("list")).out).not.toContain("meera");
    expect((await users("reset-password", "--username", "asha.k", "--password", SECRET)).code).toBe(1);
  }, 120_000);

  it("sets an agent's shop location on add and with set-shop, refusing one that is not a place and changing nothing", async () => {
    const added = await users("add", "--username", "kiran", "--role", "agent", "--user-code", "20810201", "--shop", " 28.45950 , 77.0266 ");
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain("Added kiran (agent, user_code 20810201, shop 28.4595,77.0266).");
    expect((await users("list")).out).toMatch(/kiran\s+agent\s+20810201\s+active\s+28\.4595,77\.0266/);

    const badAdd = await users("add", "--username", "nowhere", "--role", "agent", "--user-code", "1", "--shop", "91,77");
    expect(badAdd.code).toBe(1);
    expect(badAdd.out).toContain("The shop location is latitude,longitude in degrees, like 28.4595,77.0266.");
    expect((await users("list")).out).not.toContain("nowhere");

    expect(await users("set-shop", "kiran", "12.9716,77.5946")).toMatchObject({
      code: 0,
      out: expect.stringContaining("kiran's shop location is now 12.9716,77.5946."),
    });
    const badSet = await users("set-shop", "kiran", "behind the temple");
    expect(badSet.code).toBe(1);
    expect(badSet.out).toContain("The shop location is latitude,longitude in degrees, like 28.4595,77.0266.");
    expect(await users("set-shop", "kiran", "28.4595")).toMatchObject({ code: 1 });
    expect((await users("list")).out).toMatch(/kiran\s.*\s12\.9716,77\.5946/);

    expect((await users("set-shop", "nobody", "28.4595,77.0266")).out).toContain("No user named nobody.");
    expect(await users("set-shop", "kiran", "none")).toMatchObject({ code: 0, out: expect.stringContaining("kiran has no shop location now.") });
    expect((await users("list")).out).toMatch(/kiran\s+agent\s+20810201\s+active\s+-/);
    expect((await users("set-shop", "--username", "kiran", "--shop", "28.4595,77.0266")).code).toBe(0);
    expect((await users("set-shop", "kiran", "28.4595,77.0266", "extra")).code).toBe(1);

    // Each change is on the audit trail, the refused ones nowhere.
    const changes = await (
      await getDb()
    )
      .select({ target: auditEvents.target, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, "user.shop_location_changed"))
      .orderBy(asc(auditEvents.id));
    expect(changes).toEqual([
      { target: "kiran", detail: { from: "28.4595,77.0266", to: "12.9716,77.5946" } },
      { target: "kiran", detail: { from: "12.9716,77.5946", to: null } },
      { target: "kiran", detail: { from: null, to: "28.4595,77.0266" } },
    ]);
  }, 180_000);

  it("refuses, with a clear message, to open the embedded database while another process has it", async () => {
    await getDb(); // this process holds it, as a running desk would
    const refused = spawnUsers("", "list");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`is in use by process ${process.pid}`);
    expect(refused.out).toContain("Stop that process first");
    await closeDb();
    expect(spawnUsers("", "list")).toMatchObject({ code: 0 });
  }, 120_000);
});
