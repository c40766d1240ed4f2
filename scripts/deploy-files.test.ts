import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkSettings, ConfigError } from "@/lib/settings";

// No Docker daemon runs where the tests do: the Dockerfile and compose.yaml are parsed and checked for what an operator
// relies on, and the standalone build they copy is started for real by the load run (scripts/lib/proxy.ts).
const dockerfileText = readFileSync("Dockerfile", "utf8");
const dockerfile = DockerfileParser.parse(dockerfileText);
const instructions = dockerfile.getInstructions();
const runnerStart = dockerfile.getFROMs().at(-1)!.getRange().start.line;
const runner = instructions.filter((i) => i.getRange().start.line >= runnerStart);
const args = (keyword: string) => runner.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? "");

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  env_file?: string;
  volumes?: string[];
  healthcheck?: unknown;
};
const compose = parse(readFileSync("compose.yaml", "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const caddyfile = readFileSync("deploy/Caddyfile", "utf8");

describe("the Dockerfile", () => {
  it("has no errors or warnings by dockerfile-utils' linter", () => {
    expect(validate(dockerfileText).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("builds in stages and ships only the standalone folder", () => {
    expect(dockerfile.getFROMs().map((f) => f.getBuildStage())).toEqual(["deps", "build", "runner"]);
    const copies = dockerfile.getCOPYs().filter((c) => c.getRange().start.line >= runnerStart);
    expect(copies.map((c) => `${c.getFromFlag()?.getValue()}: ${c.getArgumentsContent()}`)).toEqual(["build: /src/.next/standalone ./"]);
    expect(args("CMD")).toEqual(['["node", "server.js"]']);
  });

  it("runs as a user other than root", () => {
    const users = args("USER");
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
  });

  it("checks /api/health with Node itself (no curl in a slim image) and hands SIGTERM to the desk's graceful shutdown", () => {
    const [healthcheck] = args("HEALTHCHECK");
    expect(healthcheck).toContain("/api/health");
    expect(healthcheck).toMatch(/CMD \["node"/);
    const env = args("ENV").join(" ");
    expect(env).toMatch(/NEXT_MANUAL_SIG_HANDLE=true/);
    expect(env).toMatch(/HOSTNAME=0\.0\.0\.0/);
  });

  it("leaves secrets and local state out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of [".env", "node_modules", ".next", "data", "deploy/*.env"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  const desks = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith("levin-desk"));

  it("runs two desk instances from the image, behind the one proxy they trust", () => {
    expect(desks.map(([name]) => name)).toEqual(["desk-1", "desk-2"]);
    for (const [, desk] of desks) expect(desk.environment?.TRUSTED_PROXY_HOPS).toBe("1");
    expect(compose.services.proxy?.image).toMatch(/^caddy:/);
    expect(caddyfile).toMatch(/reverse_proxy desk-1:3000 desk-2:3000/);
    expect(caddyfile).toMatch(/health_uri \/api\/health/);
  });

  // Debian packages Caddy (apt-get install caddy); where it is installed, Caddy itself reads the file.
  const caddy = spawnSync("caddy", ["version"]).status === 0;
  it.skipIf(!caddy)("has a Caddyfile that Caddy itself accepts", () => {
    const env = { ...process.env, DESK_HOST: "desk.example.in" };
    const checked = spawnSync("caddy", ["validate", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], { env, encoding: "utf8" });
    expect(checked.status, checked.stderr.split("\n").slice(-3).join("\n")).toBe(0);
  });

  it("keeps PostgreSQL's data in a named volume, with a health check the desks wait for", () => {
    const postgres = compose.services.postgres!;
    expect(postgres.image).toMatch(/^postgres:/);
    const volume = postgres.volumes?.find((v) => v.endsWith(":/var/lib/postgresql/data"))?.split(":")[0];
    expect(volume && compose.volumes && volume in compose.volumes).toBe(true);
    expect(postgres.healthcheck).toBeTruthy();
  });

  it("gives the desks every setting the desk cannot start without, on PostgreSQL", () => {
    const desk = desks[0]![1];
    const fromFile = parseEnv(readFileSync(`${desk.env_file}.example`, "utf8"));
    const given = { ...fromFile, ...desk.environment };
    // What the settings themselves say is missing from an empty environment on PostgreSQL: no list kept here.
    const required = problemsOf({ DATABASE_URL: "postgres://desk@db/desk" }).map((problem) => problem.split(" ")[0]);
    expect(required.length).toBeGreaterThan(4);
    for (const name of required) expect(Object.keys(given), name).toContain(name);
  });
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    checkSettings(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
