import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { auditEvents } from "@/lib/db/schema";

// The real command, against a throw-away embedded database: what an operator types.
const dataDir = mkdtempSync(path.join(tmpdir(), "ld-users-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET = "a long enough secret";

/** The command with `input` on its standard input (a pipe, so it reads the password from there, not a prompt). */
function usersWith(input: string, ...args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/users.ts", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}
const users = (...args: string[]) => usersWith(`${SECRET}\n`, ...args);

describe("npm run users", () => {
  it("adds, lists, disables and resets, refusing bad input with a clear message", () => {
    expect(users("add", "--username", "Asha.K", "--role", "agent", "--user-code", "20810200")).toMatchObject({ code: 0 });
    const added = users("list");
    expect(added.out).toMatch(/asha\.k\s+agent\s+20810200\s+active/);

    const short = usersWith("short\n", "add", "--username", "ravi", "--role", "agent", "--user-code", "1");
    expect(short.code).toBe(1);
    expect(short.out).toContain("Passwords are at least 12 characters.");

    const noCode = users("add", "--username", "ravi", "--role", "agent");
    expect(noCode.code).toBe(1);
    expect(noCode.out).toContain("An agent needs their Eko user_code.");

    const duplicate = users("add", "--username", "asha.k", "--role", "supervisor");
    expect(duplicate).toMatchObject({ code: 1 });
    expect(duplicate.out).toContain("already exists");

    expect(users("disable", "--username", "asha.k").code).toBe(0);
    expect(users("list").out).toMatch(/asha\.k.*disabled/);
    expect(users("reset-password", "--username", "nobody").out).toContain("No user named nobody.");
    expect(users("frobnicate").code).toBe(1);
  }, 120_000);

  it("never takes a password on the command line, and changes nothing when given one", () => {
    const refused = users("add", "--username", "meera", "--password", SECRET, "--role", "supervisor");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Passwords are not taken on the command line");
    expect(users("list").out).not.toContain("meera");
    expect(users("reset-password", "--username", "asha.k", "--password", SECRET).code).toBe(1);
  }, 120_000);

  it("sets an agent's shop location on add and with set-shop, refusing one that is not a place and changing nothing", async () => {
    const added = users("add", "--username", "kiran", "--role", "agent", "--user-code", "20810201", "--shop", " 28.45950 , 77.0266 ");
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain("Added kiran (agent, user_code 20810201, shop 28.4595,77.0266).");
    expect(users("list").out).toMatch(/kiran\s+agent\s+20810201\s+active\s+28\.4595,77\.0266/);

    const badAdd = users("add", "--username", "nowhere", "--role", "agent", "--user-code", "1", "--shop", "91,77");
    expect(badAdd.code).toBe(1);
    expect(badAdd.out).toContain("The shop location is latitude,longitude in degrees, like 28.4595,77.0266.");
    expect(users("list").out).not.toContain("nowhere");

    expect(users("set-shop", "kiran", "12.9716,77.5946")).toMatchObject({
      code: 0,
      out: expect.stringContaining("kiran's shop location is now 12.9716,77.5946."),
    });
    const badSet = users("set-shop", "kiran", "behind the temple");
    expect(badSet.code).toBe(1);
    expect(badSet.out).toContain("The shop location is latitude,longitude in degrees, like 28.4595,77.0266.");
    expect(users("set-shop", "kiran", "28.4595")).toMatchObject({ code: 1 });
    expect(users("list").out).toMatch(/kiran\s.*\s12\.9716,77\.5946/);

    expect(users("set-shop", "nobody", "28.4595,77.0266").out).toContain("No user named nobody.");
    expect(users("set-shop", "kiran", "none")).toMatchObject({ code: 0, out: expect.stringContaining("kiran has no shop location now.") });
    expect(users("list").out).toMatch(/kiran\s+agent\s+20810201\s+active\s+-/);
    expect(users("set-shop", "--username", "kiran", "--shop", "28.4595,77.0266").code).toBe(0);
    expect(users("set-shop", "kiran", "28.4595,77.0266", "extra").code).toBe(1);

    // Each change is on the audit trail, the refused ones nowhere.
    const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    try {
      const changes = await handle.db
        .select({ target: auditEvents.target, detail: auditEvents.detail })
        .from(auditEvents)
        .where(eq(auditEvents.action, "user.shop_location_changed"))
        .orderBy(asc(auditEvents.id));
      expect(changes).toEqual([
        { target: "kiran", detail: { from: "28.4595,77.0266", to: "12.9716,77.5946" } },
        { target: "kiran", detail: { from: "12.9716,77.5946", to: null } },
        { target: "kiran", detail: { from: null, to: "28.4595,77.0266" } },
      ]);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it("refuses, with a clear message, to open the embedded database while another process has it", async () => {
    const held = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    try {
      const refused = users("list");
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`is in use by process ${process.pid}`);
      expect(refused.out).toContain("Stop that process first");
    } finally {
      await held.close();
    }
    expect(users("list")).toMatchObject({ code: 0 });
  }, 120_000);
});
