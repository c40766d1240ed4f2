import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type Db, type DbHandle } from "@/lib/db/open";
import { otpFlaggedCustomers, otpLatencyRollups, otpRejectionRollups, otpRequestRollups, transferRollups } from "@/lib/db/schema";

/** What a suite gets: the open database, valid from `beforeAll` on (reading it while collecting tests throws). */
export type TestDatabase = {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Empties the ledgers (transfers, OTP requests and Eko calls) and restarts their ids, for tests that need a known set of rows. */
  reset: () => Promise<void>;
};

const SETUP_TIMEOUT_MS = 60_000;
const POSTGRES_HINT = "set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them";

let warnedSkip = false;

function testDatabase(kind: TestDatabase["kind"], handle: () => DbHandle | undefined): TestDatabase {
  const open = () => {
    const current = handle();
    if (!current) throw new Error(`The ${kind} test database is only open inside tests and hooks`);
    return current.db;
  };
  return {
    kind,
    get db() {
      return open();
    },
    reset: async () => {
      const rollups = [otpRequestRollups, otpLatencyRollups, otpRejectionRollups, otpFlaggedCustomers, transferRollups];
      await open().execute(sql`truncate table refunds, transfers, otp_requests, eko_calls, ${sql.join(rollups, sql`, `)} restart identity`);
    },
  };
}

function describePglite(name: string, fn: (database: TestDatabase) => void): void {
  let handle: DbHandle | undefined;
  describe(`${name} [pglite]`, () => {
    beforeAll(async () => {
      handle = await openDatabase({ kind: "memory" });
      await handle.migrate();
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await handle?.close();
      handle = undefined;
    });
    fn(testDatabase("pglite", () => handle));
  });
}

/** Each run gets its own schema, migrations table included, dropped afterwards even if migrating failed. */
function describePostgres(name: string, url: string, fn: (database: TestDatabase) => void): void {
  let handle: DbHandle | undefined;
  const schemaName = `ld_test_${randomBytes(8).toString("hex")}`;
  describe(`${name} [postgres]`, () => {
    beforeAll(async () => {
      handle = await openDatabase({ kind: "postgres", url }, { schemaName });
      await handle.migrate();
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await handle?.close();
      handle = undefined;
      const admin = new Pool({ connectionString: url, max: 1 });
      try {
        await admin.query(`drop schema if exists "${schemaName}" cascade`);
      } finally {
        await admin.end();
      }
    }, SETUP_TIMEOUT_MS);
    fn(testDatabase("postgres", () => handle));
  });
}

/**
 * Runs `fn`'s tests on an in-memory PGlite and, when TEST_DATABASE_URL is set, on that PostgreSQL server in a
 * throwaway `ld_test_<hex>` schema. Without it the PostgreSQL suite is registered as skipped, with one warning.
 */
export function describeEachDatabase(name: string, fn: (database: TestDatabase) => void): void {
  describePglite(name, fn);
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url) {
    describePostgres(name, url, fn);
    return;
  }
  if (!warnedSkip) {
    warnedSkip = true;
    console.warn(`PostgreSQL repository tests skipped: ${POSTGRES_HINT}`);
  }
  describe.skip(`${name} [postgres]`, () => fn(testDatabase("postgres", () => undefined)));
}
