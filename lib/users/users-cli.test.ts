import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";

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
