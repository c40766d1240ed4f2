import { spawn } from "node:child_process";
import { describeTarget, type DbTarget } from "@/lib/db/target";
import type { CheckResult } from "./ledger-checks";

const BUILD = ".next/standalone";

/** Runs one of the build's operator commands with plain node, `input` on its standard input (a pipe, not a terminal). */
function runBuilt(script: string, args: string[], env: Record<string, string>, input = ""): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`scripts/${script}`, ...args], { cwd: BUILD, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
    child.stdin.end(input);
  });
}

/**
 * What a new operator does first, with the build alone: migrate, then add the first admin with the password on
 * standard input (never on the command line, which is refused). Each command must name the database before changing
 * it. The admin's sign-in is checked by the caller, through the proxy.
 */
export async function firstAdminFromBuild(
  target: DbTarget,
  env: Record<string, string>,
  admin: { username: string; password: string },
): Promise<CheckResult[]> {
  const named = `Database: ${describeTarget(target)}`;
  const migrate = await runBuilt("db-migrate.cjs", [], env);
  const refused = await runBuilt("users.cjs", ["add", "--username", admin.username, "--role", "admin", "--password", admin.password], env);
  const add = await runBuilt("users.cjs", ["add", "--username", admin.username, "--role", "admin"], env, `${admin.password}\n`);
  const detail = (run: { code: number | null; output: string }) => `exit ${run.code}: ${run.output.trim().split("\n").slice(-2).join(" / ")}`;
  return [
    {
      name: "the build's db-migrate names the database, then migrates it",
      ok: migrate.code === 0 && migrate.output.startsWith(named),
      detail: detail(migrate),
    },
    {
      name: "the build's users command refuses a password on the command line",
      ok: refused.code === 1 && !refused.output.includes("Added"),
      detail: detail(refused),
    },
    {
      name: "the build's users command adds the first admin, password from standard input",
      ok: add.code === 0 && add.output.includes(named) && add.output.includes(`Added ${admin.username} (admin)`),
      detail: detail(add),
    },
  ];
}
