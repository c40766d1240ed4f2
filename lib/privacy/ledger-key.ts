import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "@/lib/settings";
import { dataDirFrom } from "@/lib/db/target";

const KEY_BYTES = 32;

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  const buffer = Buffer.from(trimmed, "base64");
  return buffer.length === KEY_BYTES && /^[A-Za-z0-9+/]{43}=$/.test(trimmed) ? buffer : null;
}

/**
 * The ledger's master key: LEDGER_KEY (32 bytes, base64 or hex). The embedded default generates one into DATA_DIR on
 * first start; with DATABASE_URL every instance must share one, so it must be set.
 */
export function loadLedgerKey(env: Record<string, string | undefined>): Buffer {
  if (env.LEDGER_KEY?.trim()) {
    const key = decodeKey(env.LEDGER_KEY);
    if (!key) throw new ConfigError(["LEDGER_KEY must be 32 random bytes, base64 (44 characters) or hex (64 characters)"]);
    return key;
  }
  if (env.DATABASE_URL?.trim()) {
    throw new ConfigError(["LEDGER_KEY is required with DATABASE_URL: every instance must encrypt with the same key (openssl rand -base64 32)"]);
  }
  const dataDir = dataDirFrom(env);
  const file = path.join(dataDir, "ledger.key");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = decodeKey(readFileSync(file, "utf8"));
  if (!key) throw new ConfigError([`${file} does not hold a valid ledger key: restore it, or set LEDGER_KEY`]);
  return key;
}
