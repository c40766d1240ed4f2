import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The real command, against a throw-away embedded database: what an operator types.
const dataDir = mkdtempSync(path.join(tmpdir(), "ld-users-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function users(...args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/users.ts", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("npm run users", () => {
  it("adds, lists, disables and resets, refusing bad input with a clear message", () => {
    expect(users("add", "--username", "Asha.K", "--password", "a long enough secret", "--role", "agent", "--user-code", "20810200")).toMatchObject({
      code: 0,
    });
    const added = users("list");
    expect(added.out).toMatch(/asha\.k\s+agent\s+20810200\s+active/);

    const short = users("add", "--username", "ravi", "--password", "short", "--role", "agent", "--user-code", "1");
    expect(short.code).toBe(1);
    expect(short.out).toContain("Passwords are at least 12 characters.");

    const noCode = users("add", "--username", "ravi", "--password", "a long enough secret", "--role", "agent");
    expect(noCode.code).toBe(1);
    expect(noCode.out).toContain("An agent needs their Eko user_code.");

    const duplicate = users("add", "--username", "asha.k", "--password", "a long enough secret", "--role", "supervisor");
    expect(duplicate).toMatchObject({ code: 1 });
    expect(duplicate.out).toContain("already exists");

    expect(users("disable", "--username", "asha.k").code).toBe(0);
    expect(users("list").out).toMatch(/asha\.k.*disabled/);
    expect(users("reset-password", "--username", "nobody", "--password", "a long enough secret").out).toContain("No user named nobody.");
    expect(users("frobnicate").code).toBe(1);
  }, 120_000);
});
