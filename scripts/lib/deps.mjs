// Plain JavaScript with no dependencies: it runs before `npm ci` has installed anything.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Installs exactly what package-lock.json pins when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = "node_modules/.package-lock.json";
  if (existsSync(installed) && mtime(installed) >= mtime("package-lock.json")) return;
  console.log("› Installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("npm ci failed: see the messages above. Nothing else was started.");
    process.exit(result.status ?? 1);
  }
}
