import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { SETTING_NAMES } from "./settings";

/** Read by the code but set by Next, the start command or the test runner, not by an operator: each with why. */
const NOT_OPERATOR_SETTINGS: Record<string, string> = {
  NODE_ENV: "set by Next: production under next start and the standalone server",
  NEXT_RUNTIME: "set by Next: which runtime loads instrumentation.ts",
  NEXT_PHASE: "set by Next: tells the build from the running server",
  NEXT_MANUAL_SIG_HANDLE: "set by npm start and the image; docs/going-live.md says to set it wherever the server is started",
  TEST_DATABASE_URL: "the test suite's PostgreSQL server (.ci/run sets it)",
  NEXT_OTEL_FETCH_DISABLED: "set by the desk itself when tracing (lib/observability/otel.ts): Next's fetch spans would carry Eko's URLs",
};

/** Where server code reads the environment; scripts/ is tooling with its own variables (SIM_PORT, PORT). */
const SERVER_CODE = ["app", "lib", "instrumentation.ts", "proxy.ts", "next.config.js"];
const ENV_READ = /process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\])/g;

function sourceFiles(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => (name === "node_modules" ? [] : sourceFiles(path.join(entry, name))));
}

/** Every `process.env.NAME` (or `process.env["NAME"]`) in the server's code, its tests left out. */
function namesReadDirectly(): Set<string> {
  const files = SERVER_CODE.flatMap(sourceFiles).filter((file) => /\.(ts|tsx|js|mjs)$/.test(file) && !/\.test\.tsx?$/.test(file));
  return new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(ENV_READ)].map((match) => match[1] ?? match[2] ?? "")));
}

/** The variables `.env.example` documents, set or commented out (`NAME=…` or `# NAME=…`), in its order. */
function envExampleNames(text: string): string[] {
  return [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? "");
}

/** The first column of the README's "Configure" table, in its order. */
function configureTableNames(readme: string): string[] {
  const start = readme.indexOf("\n## Configure\n");
  expect(start, 'the README has a "## Configure" section').toBeGreaterThan(-1);
  const section = readme.slice(start + 1).split(/\n## /)[0] ?? "";
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((match) => match[1] ?? "");
}

describe("every setting the code reads is documented in .env.example and the README's Configure table", () => {
  const example = readFileSync(".env.example", "utf8");
  const documented = envExampleNames(example);
  const table = configureTableNames(readFileSync("README.md", "utf8"));
  const readDirectly = namesReadDirectly();
  const operatorSettings = [...new Set([...SETTING_NAMES, ...readDirectly])].filter((name) => !(name in NOT_OPERATOR_SETTINGS));

  it("finds the settings (the scan and the parsers work)", () => {
    expect(SETTING_NAMES.length).toBeGreaterThan(20);
    expect(readDirectly).toContain("NEXT_RUNTIME");
    expect(documented).toContain("LEDGER_KEY");
    expect(table).toContain("LEDGER_KEY");
  });

  it("documents each in .env.example and in the table", () => {
    expect(
      operatorSettings.filter((name) => !documented.includes(name)),
      "read by the code, missing from .env.example",
    ).toEqual([]);
    expect(
      operatorSettings.filter((name) => !table.includes(name)),
      "read by the code, missing from the README's Configure table",
    ).toEqual([]);
  });

  it("lists the same variables, each once, in the same order in both", () => {
    expect(new Set(documented).size).toBe(documented.length);
    expect(table, "the README's Configure table, against .env.example").toEqual(documented);
  });

  it("documents nothing the code does not read, and exempts only what the code reads", () => {
    expect(
      documented.filter((name) => !operatorSettings.includes(name)),
      "in .env.example, read by nothing",
    ).toEqual([]);
    const known = new Set([...SETTING_NAMES, ...readDirectly]);
    expect(Object.keys(NOT_OPERATOR_SETTINGS).filter((name) => !known.has(name))).toEqual([]);
  });

  it("gives Eko's public UAT values in .env.example's comments, as the simulator knows them", () => {
    const comments = example
      .split("\n")
      .filter((line) => line.startsWith("#"))
      .join("\n");
    for (const value of [EKO_UAT.developerKey, EKO_UAT.accessKey, EKO_UAT.initiatorId, EKO_UAT.userCode, EKO_UAT.testCustomer]) {
      expect(comments).toContain(value);
    }
    expect(example).toMatch(/^EKO_BASE_URL=https:\/\/staging\.eko\.in\/ekoapi\/v3$/m);
  });
});
