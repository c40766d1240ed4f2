// `npm run build`: the production build as one folder that runs with plain Node, .next/standalone:
//   node server.js                      the desk (PORT, HOSTNAME; .env in that folder, as `next start` reads it)
//   node scripts/db-migrate.cjs         the operator commands, with no dev dependencies and no tsx
//   node scripts/users.cjs add …
//   node scripts/rollups.cjs rebuild
//   node scripts/ledger-key.cjs rotate
// next.config.js traces the server and adds the migrations and the embedded database's thread; this adds what Next
// leaves to the deployer (static files, public/) and the operator commands, then checks the folder has what it runs on.
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { bin, run } from "./lib/processes.mjs";

const STANDALONE = ".next/standalone";
// In the standalone node_modules already (the server's own tracing puts them there): the commands use those copies.
const SHARED_PACKAGES = ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"];
const REQUIRED_FILES = ["server.js", ".next/static", "lib/db/migrations/meta/_journal.json", "lib/db/embedded-thread.mjs"];

function fail(message) {
  console.error(`The build failed: ${message}`);
  process.exit(1);
}

const started = Date.now();
if (run(bin("next"), ["build"]) !== 0) fail("see next build's messages above.");

cpSync(".next/static", path.join(STANDALONE, ".next/static"), { recursive: true });
if (existsSync("public")) cpSync("public", path.join(STANDALONE, "public"), { recursive: true });
// Next copies .env and .env.production into the folder; a build is shipped, and settings belong to where it runs.
for (const file of readdirSync(STANDALONE)) if (file.startsWith(".env")) rmSync(path.join(STANDALONE, file));
// The embedded database's packages come in whole (next.config.js); their source maps and types are a third of that.
for (const file of readdirSync(path.join(STANDALONE, "node_modules/@electric-sql"), { recursive: true }))
  if (/\.(map|d\.c?ts)$/.test(file)) rmSync(path.join(STANDALONE, "node_modules/@electric-sql", file));

await build({
  entryPoints: {
    users: "scripts/users.ts",
    "db-migrate": "scripts/db-migrate.ts",
    rollups: "scripts/rollups.ts",
    "ledger-key": "scripts/ledger-key.ts",
  },
  outdir: path.join(STANDALONE, "scripts"),
  // CommonJS: the bundled packages are a mix, and CommonJS ones expect require and __dirname, which an ES module lacks.
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // As tsx --conditions=react-server runs them: `server-only` resolves to its empty module.
  conditions: ["react-server"],
  external: SHARED_PACKAGES,
  // Like server.js, the commands work in the build's folder: its .env, migrations and relative DATA_DIR.
  banner: { js: 'process.chdir(require("node:path").join(__dirname, ".."));' },
  logLevel: "warning",
}).catch(() => fail("the operator commands could not be bundled (esbuild's messages above)."));

const missing = REQUIRED_FILES.filter((file) => !existsSync(path.join(STANDALONE, file)));
const requireThere = createRequire(path.resolve(STANDALONE, "server.js"));
for (const name of SHARED_PACKAGES) {
  try {
    requireThere.resolve(name);
  } catch {
    missing.push(`node_modules/${name}`);
  }
}
if (missing.length > 0) fail(`${STANDALONE} lacks ${missing.join(", ")}.`);
console.log(
  `\n› ${STANDALONE} runs with plain node (server.js, scripts/users.cjs, scripts/db-migrate.cjs, scripts/rollups.cjs, scripts/ledger-key.cjs); built in ${Math.round((Date.now() - started) / 1000)} s.`,
);
