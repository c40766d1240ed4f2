import "./lib/load-env";
import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom, describeTarget } from "@/lib/db/target";

/** `npm run db:migrate`: applies the committed migrations to the configured database (DATABASE_URL or DATA_DIR). */
async function main() {
  const target = dbTargetFrom(process.env);
  console.log(`Database: ${describeTarget(target)}`);
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    console.log("Migrations applied.");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error("With the embedded database, stop the desk first: only one process may open it.");
  process.exit(1);
});
