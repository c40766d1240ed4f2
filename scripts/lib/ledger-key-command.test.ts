import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom } from "@/lib/db/target";
import { otpRequests } from "@/lib/db/schema";
import { ledgerRow } from "@/lib/otp-requests/testing/ledger-rows";
import { loadLedgerKey } from "@/lib/privacy/ledger-key";
import { MobileVault } from "@/lib/privacy/mobile-vault";
import { decodeLedgerKey } from "@/lib/settings";
import { runLedgerKeyCommand } from "./ledger-key-command";

// The embedded database's own ledger.key, as `npm run demo` leaves it: the command swaps the file only once the ledger
// has moved, and keeps the old one for the backups that need it.
const dataDir = mkdtempSync(path.join(tmpdir(), "ld-ledger-key-"));
const env = { DATA_DIR: dataDir, DATABASE_URL: "", LEDGER_KEY: "" };
const MOBILE = "9876543210";
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withLedger<R>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<R>): Promise<R> {
  const handle = await openDatabase(dbTargetFrom(env));
  try {
    await handle.migrate();
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

it("rotates the embedded key file: the ledger opens with the new file, the old file is kept beside it", async () => {
  const oldKey = loadLedgerKey(env);
  const before = new MobileVault(oldKey);
  await withLedger((db) => db.insert(otpRequests).values({ ...ledgerRow({ at: new Date(), mobile: MOBILE }), ...before.protect(MOBILE) }));
  const notes: string[] = [];
  const said = await runLedgerKeyCommand(["rotate"], env, {
    readNewKey: async () => "",
    note: (line) => notes.push(line),
    now: new Date("2026-12-05T10:00:00Z"),
  });

  expect(notes[0]).toBe(`Database: embedded, in ${path.join(dataDir, "pglite")}`);
  expect(said).toContain("1 OTP requests sealed again");
  const kept = readdirSync(dataDir).find((name) => name.startsWith("ledger.key.replaced-2026-12-05T10-00-00"));
  expect(kept).toBeDefined();
  expect(decodeLedgerKey(readFileSync(path.join(dataDir, kept!), "utf8"))).toEqual(oldKey);
  const after = new MobileVault(loadLedgerKey(env));
  const [row] = await withLedger((db) => db.select().from(otpRequests));
  expect(after.decrypt(row!.customerMobileEncrypted)).toBe(MOBILE);
  expect(row!.customerMobileHash).toBe(after.hash(MOBILE));
  expect(() => before.decrypt(row!.customerMobileEncrypted)).toThrow();
  expect(readdirSync(dataDir)).not.toContain("ledger.key.next");
}, 60_000);

it("with LEDGER_KEY set, refuses a new key that is not one, before touching anything", async () => {
  const given = { ...env, LEDGER_KEY: randomBytes(32).toString("base64") };
  await expect(runLedgerKeyCommand(["rotate"], given, { readNewKey: async () => "hunter2", note: () => undefined })).rejects.toThrow(
    /32 bytes, as base64 or hex/,
  );
  await expect(runLedgerKeyCommand(["rotate", "now"], given, { readNewKey: async () => "", note: () => undefined })).rejects.toThrow(/Usage/);
});
