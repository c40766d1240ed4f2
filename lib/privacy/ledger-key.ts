import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, decodeLedgerKey, freshSettings, readSettings } from "@/lib/settings";

const KEY_BYTES = 32;

/**
 * The ledger's master key: LEDGER_KEY (32 bytes, base64 or hex). The embedded default generates one into DATA_DIR on
 * first start; with DATABASE_URL every instance must share one, so it must be set.
 */
export function loadLedgerKey(env?: Record<string, string | undefined>): Buffer {
  const { key: given } = env ? readSettings("ledgerKey", env) : freshSettings("ledgerKey");
  if (given) return given;
  const { dataDir } = env ? readSettings("database", env) : freshSettings("database");
  const file = path.join(dataDir, "ledger.key");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = decodeLedgerKey(readFileSync(file, "utf8"));
  if (!key) throw new ConfigError([`${file} does not hold a valid ledger key: restore it, or set LEDGER_KEY`]);
  return key;
}
