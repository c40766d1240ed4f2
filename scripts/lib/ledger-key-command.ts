import { randomBytes } from "node:crypto";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom, describeTarget } from "@/lib/db/target";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { rotateLedgerKey, type RotationCounts } from "@/lib/privacy/rotate-ledger-key";
import { decodeLedgerKey, readSettings } from "@/lib/settings";

export type KeyCommandIo = { readNewKey: () => Promise<string>; note: (line: string) => void; now?: Date };

/**
 * `npm run ledger-key rotate`, with every instance stopped. With LEDGER_KEY set, the new key is read from standard
 * input (or asked for) and the operator sets it everywhere afterwards. With the embedded database's own ledger.key,
 * a new key is made and written beside it before the ledger changes, then swapped in; the old file is kept, renamed,
 * because backups taken before need it.
 */
export async function runLedgerKeyCommand(args: string[], env: Record<string, string | undefined>, io: KeyCommandIo): Promise<string> {
  if (args[0] !== "rotate" || args.length !== 1) throw new UsageError("Usage: ledger-key rotate");
  const target = dbTargetFrom(env);
  io.note(`Database: ${describeTarget(target)}`);
  const oldKey = loadLedgerKey(env);
  const keyFile = readSettings("ledgerKey", env).key ? null : path.join(readSettings("database", env).dataDir, "ledger.key");

  let newKey: Buffer;
  let nextFile: string | null = null;
  if (keyFile) {
    newKey = randomBytes(32);
    nextFile = `${keyFile}.next`;
    writeFileSync(nextFile, newKey.toString("base64"), { mode: 0o600 });
  } else {
    const typed = decodeLedgerKey(await io.readNewKey());
    if (!typed) throw new UsageError("The new key must be 32 bytes, as base64 or hex (openssl rand -base64 32); nothing was changed.");
    newKey = typed;
  }

  let counts: RotationCounts;
  try {
    const handle = await openDatabase(target);
    try {
      await handle.migrate();
      counts = await rotateLedgerKey(handle.db, oldKey, newKey, io.note);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (nextFile) rmSync(nextFile, { force: true });
    throw error;
  }

  const summary = `Ledger key rotated: ${counts.otpRequests} OTP requests sealed again; ${counts.transfers} transfers, ${counts.refunds} refunds and ${counts.ekoCalls} Eko calls follow them; ${counts.ekoCallsForgotten} look-ups without an OTP request lost their mobile hash; ${counts.sessionsEnded} sessions ended (everyone signs in again).`;
  if (keyFile && nextFile) {
    const kept = `${keyFile}.replaced-${(io.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    if (existsSync(keyFile)) renameSync(keyFile, kept);
    renameSync(nextFile, keyFile);
    return `${summary}\nThe new key is in ${keyFile}; the old one is kept as ${kept}: backups taken before today need it.`;
  }
  return `${summary}\nNow set LEDGER_KEY to the new key on every instance, then start them. Keep the old key with the backups taken before today: they need it.`;
}

export class UsageError extends Error {}
