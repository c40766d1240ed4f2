import "./lib/load-env";
import { openDatabase } from "@/lib/db/open";
import { dbTargetFrom, describeTarget } from "@/lib/db/target";
import { rebuildRollups } from "@/lib/ledger/rebuild-rollups";

/**
 * `npm run rollups:rebuild`: rebuilds the supervisors' rollups from the ledger (DATABASE_URL or DATA_DIR). Ledger writes
 * wait while it runs; with the embedded database, stop the desk first.
 */
async function main() {
  if (process.argv[2] !== "rebuild") {
    console.error("Usage: rollups rebuild");
    process.exit(2);
  }
  const target = dbTargetFrom(process.env);
  console.log(`Database: ${describeTarget(target)}`);
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    const started = performance.now();
    const written = await rebuildRollups(handle.db);
    const rows = Object.entries(written).map(([family, n]) => `${n.toLocaleString("en-US")} ${family}`);
    console.log(`Rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ${rows.join(", ")} rollup rows.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Rebuilding the rollups failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error("With the embedded database, stop the desk first: only one process may open it.");
  process.exit(1);
});
