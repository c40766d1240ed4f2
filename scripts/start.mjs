// `npm start [-- -p PORT -H HOST]`: the build from `npm run build` (.next/standalone/server.js) run from this checkout,
// in this process, as a deployment runs `node server.js`: every e2e and load run goes through here, so they test it.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import dataDirDefaults from "../lib/db/default-data-dir.js";

const SERVER = path.resolve(".next/standalone/server.js");
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
if (!existsSync(SERVER)) {
  console.error("No build to start: run `npm run build` first.");
  process.exit(1);
}
// This checkout's .env, as `next start` read it (the build carries none); a variable set in the shell wins.
nextEnv.loadEnvConfig(process.cwd());
// server.js moves into its own folder, which every build replaces: a relative data folder must stay this checkout's.
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR?.trim() || dataDirDefaults.DEFAULT_DATA_DIR);
// Signals go to the desk's graceful shutdown (in-flight Eko calls finish), not Next's immediate exit.
process.env.NEXT_MANUAL_SIG_HANDLE ??= "true";
if (values.port) process.env.PORT = values.port;
if (values.hostname) process.env.HOSTNAME = values.hostname;
await import(pathToFileURL(SERVER).href);
