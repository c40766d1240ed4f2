import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom } from "@/lib/db/target";

/** `npm run db:migrate`: applies the committed migrations to the configured database (DATABASE_URL or DATA_DIR). */
async function main() {
  const target = dbTargetFrom(process.env);
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    console.log(`Migrations applied to the ${target.kind === "postgres" ? "PostgreSQL server" : `embedded database in ${target.dataDir}`}.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error("With the embedded database, stop the desk first: only one process may open it.");
  process.exit(1);
});
