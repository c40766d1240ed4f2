import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/settings";
import { loadLedgerKey } from "./ledger-key";

const KEY = randomBytes(32);
const PG_URL = "postgres://app@db.internal:5432/levin";

/** The ConfigError loadLedgerKey throws for env; fails the test if it throws anything else or nothing. */
function configErrorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    loadLedgerKey(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loadLedgerKey accepted the environment");
}

describe("loadLedgerKey", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "ledger-key-test-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ["base64", KEY.toString("base64")],
    ["hex", KEY.toString("hex")],
    ["upper-case hex", KEY.toString("hex").toUpperCase()],
    ["base64 with surrounding whitespace", ` ${KEY.toString("base64")}\n`],
  ])("accepts LEDGER_KEY as %s", (_label, value) => {
    expect(loadLedgerKey({ LEDGER_KEY: value, DATA_DIR: dataDir }).equals(KEY)).toBe(true);
    expect(loadLedgerKey({ LEDGER_KEY: value, DATABASE_URL: PG_URL }).equals(KEY)).toBe(true);
  });

  it.each([
    ["short base64", randomBytes(16).toString("base64")],
    ["short hex", randomBytes(31).toString("hex")],
    ["long base64", randomBytes(33).toString("base64")],
    ["64 characters that are not hex", "z".repeat(64)],
    ["a passphrase", "correct horse battery staple"],
  ])("refuses %s, naming LEDGER_KEY", (_label, value) => {
    const error = configErrorFor({ LEDGER_KEY: value, DATA_DIR: dataDir });
    expect(error.problems.join("\n")).toMatch(/LEDGER_KEY/);
    expect(error.message).toMatch(/LEDGER_KEY/);
    expect(error.message).not.toContain(value.trim());
    expect(existsSync(path.join(dataDir, "ledger.key"))).toBe(false);
  });

  it("refuses DATABASE_URL without LEDGER_KEY, naming LEDGER_KEY, and writes no key file", () => {
    const error = configErrorFor({ DATABASE_URL: PG_URL, DATA_DIR: dataDir });
    expect(error.problems.join("\n")).toMatch(/LEDGER_KEY/);
    expect(existsSync(path.join(dataDir, "ledger.key"))).toBe(false);
  });

  it("with neither, generates DATA_DIR/ledger.key with mode 0600 and returns the same key next time", () => {
    const nested = path.join(dataDir, "not", "yet", "there");
    const first = loadLedgerKey({ DATA_DIR: nested });
    const file = path.join(nested, "ledger.key");

    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8"), "base64").equals(first)).toBe(true);
    expect(loadLedgerKey({ DATA_DIR: nested }).equals(first)).toBe(true);
    expect(loadLedgerKey({ DATA_DIR: nested, LEDGER_KEY: "  " }).equals(first)).toBe(true);
  });

  it("gives each new DATA_DIR its own key", () => {
    const other = mkdtempSync(path.join(tmpdir(), "ledger-key-test-"));
    try {
      expect(loadLedgerKey({ DATA_DIR: dataDir }).equals(loadLedgerKey({ DATA_DIR: other }))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("refuses a damaged key file, pointing at LEDGER_KEY, rather than replacing it", () => {
    const file = path.join(dataDir, "ledger.key");
    writeFileSync(file, "not a key", { mode: 0o600 });
    const error = configErrorFor({ DATA_DIR: dataDir });
    expect(error.problems.join("\n")).toMatch(/LEDGER_KEY/);
    expect(readFileSync(file, "utf8")).toBe("not a key");
  });
});
