// The build on the Node.js LTS lines the desk supports besides the one running the suite: for each, the standalone
// server starts on a fresh embedded database (PGlite on its thread, the migrations), /api/health says ready, and
// SIGTERM stops it cleanly. Node binaries come from the npm registry's node-<os>-<arch> packages, kept in
// node_modules/.cache/node-versions (npm's own cache makes a second fetch local). Exit 1 if any check fails.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const MAJORS = (process.env.NODE_VERSIONS ?? "22,24").split(",").filter(Boolean);
const CACHE = path.resolve("node_modules/.cache/node-versions");
const BUILD = path.resolve(".next/standalone");
const uat = JSON.parse(readFileSync("lib/eko-sim/uat-values.json", "utf8"));

/** The `node` binary of the latest `major`, fetched once (delete the folder for newer); null where npm has none for this machine. */
function nodeBinary(major) {
  const binary = path.join(CACHE, major, "bin", "node");
  if (existsSync(binary)) return binary;
  if (!["linux", "darwin"].includes(process.platform) || !["x64", "arm64"].includes(process.arch)) return null;
  mkdirSync(path.join(CACHE, major), { recursive: true });
  const pack = spawnSync("npm", ["pack", "--silent", `node-${process.platform}-${process.arch}@${major}`, "--pack-destination", CACHE], {
    encoding: "utf8",
  });
  const tarball = pack.stdout?.trim().split("\n").at(-1);
  if (pack.status !== 0 || !tarball) throw new Error(`npm pack node-${process.platform}-${process.arch}@${major} failed: ${pack.stderr?.trim()}`);
  const unpacked = spawnSync("tar", ["-xzf", path.join(CACHE, tarball), "-C", path.join(CACHE, major), "--strip-components=1", "package/bin/node"]);
  rmSync(path.join(CACHE, tarball), { force: true });
  if (unpacked.status !== 0 || !existsSync(binary)) throw new Error(`could not unpack ${tarball}`);
  return binary;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the build under `node`, waits for a ready /api/health, sends SIGTERM; returns what failed, or null. */
async function serveAndStop(node, env) {
  const port = await freePort();
  const server = spawn(node, ["server.js"], {
    cwd: BUILD,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-1_000)));
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let status = 0;
  while (Date.now() < deadline && server.exitCode === null && status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
  }
  if (status !== 200) {
    server.kill("SIGKILL");
    await exited;
    return `/api/health never answered 200 (last ${status}): ${stderr.trim()}`;
  }
  server.kill("SIGTERM");
  const code = await exited;
  return code === 0 ? null : `exit ${code} after SIGTERM: ${stderr.trim()}`;
}

/** One Node line's checks; the lines run side by side, each on its own port and data folder. */
async function check(major, node) {
  const started = Date.now();
  const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
  const dataDir = mkdtempSync(path.join(tmpdir(), `ld-node${major}-`));
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_MANUAL_SIG_HANDLE: "true",
    DATA_DIR: dataDir,
    // Nothing listens there: start-up and health need Eko's settings, not Eko.
    EKO_BASE_URL: "http://127.0.0.1:9/ekoapi/v3",
    EKO_DEVELOPER_KEY: uat.developerKey,
    EKO_ACCESS_KEY: uat.accessKey,
    EKO_INITIATOR_ID: uat.initiatorId,
    EKO_USER_CODE: uat.userCode,
  };
  const problem = await serveAndStop(node, env);
  rmSync(dataDir, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `  ${problem ? "FAIL" : "PASS"}  Node ${version}: the build starts on a fresh embedded database, serves, stops on SIGTERM (${seconds} s)${problem ? `\n        ${problem}` : ""}`,
  );
  return !problem;
}

const runs = [];
for (const major of MAJORS) {
  let node;
  try {
    node = nodeBinary(major);
  } catch (error) {
    console.log(`  FAIL  Node ${major}: ${error.message}`);
    runs.push(false);
    continue;
  }
  if (node) runs.push(check(major, node));
  else console.log(`  SKIP  Node ${major}: no binary from the npm registry for ${process.platform}-${process.arch}`);
}
const results = await Promise.all(runs);
process.exit(results.every(Boolean) ? 0 : 1);
