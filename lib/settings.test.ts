import { describe, expect, it } from "vitest";
import EKO_UAT from "@/lib/eko-sim/uat-values.json";
import { checkSettings, ConfigError, readSettings } from "./settings";

const EKO = {
  EKO_BASE_URL: "http://127.0.0.1:4010/ekoapi/v3",
  EKO_DEVELOPER_KEY: EKO_UAT.developerKey,
  EKO_ACCESS_KEY: EKO_UAT.accessKey,
  EKO_INITIATOR_ID: EKO_UAT.initiatorId,
  EKO_USER_CODE: EKO_UAT.userCode,
};

function problemsOf(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("settings: every variable in one place, checked together at start-up", () => {
  it("accepts the Eko settings alone, with every other section at its default", () => {
    expect(problemsOf(() => checkSettings(EKO))).toEqual([]);
    expect(readSettings("limits", {})).toEqual({ mobilePer15Min: 3, mobilePer24Hours: 10, agentPer15Min: 30 });
    expect(readSettings("database", {}).target.kind).toBe("pglite");
  });

  it("names every wrong variable across sections in one error, never its value", () => {
    const problems = problemsOf(() =>
      checkSettings({ ...EKO, EKO_TIMEOUT_MS: "soon", LIMIT_AGENT_PER_15_MIN: "0", TRUSTED_PROXY_HOPS: "all", DATABASE_URL: "mysql://x" }),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "EKO_TIMEOUT_MS",
      "LIMIT_AGENT_PER_15_MIN",
      "TRUSTED_PROXY_HOPS",
      "DATABASE_URL",
      "LEDGER_KEY",
    ]);
    expect(problems.join("\n")).not.toMatch(/soon|all|mysql/);
  });

  it("refuses DATABASE_URL without a LEDGER_KEY, and a malformed key, without ever showing the key", () => {
    const key = "a".repeat(63);
    expect(problemsOf(() => checkSettings({ ...EKO, DATABASE_URL: "postgres://db/desk" }))).toEqual([
      expect.stringMatching(/^LEDGER_KEY is required with DATABASE_URL/),
    ]);
    const malformed = problemsOf(() => checkSettings({ ...EKO, LEDGER_KEY: key }));
    expect(malformed).toEqual([expect.stringMatching(/^LEDGER_KEY must be 32 random bytes/)]);
    expect(malformed.join("\n")).not.toContain(key);
    expect(readSettings("ledgerKey", { LEDGER_KEY: "b".repeat(64) }).key).toHaveLength(32);
  });

  it("reads the operators' settings: traces only with an endpoint, metrics only with a long enough token", () => {
    expect(readSettings("telemetry", {})).toEqual({ endpoint: null, headers: {}, serviceName: "levin-desk" });
    expect(
      readSettings("telemetry", { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/", OTEL_EXPORTER_OTLP_HEADERS: "x-key=abc=1, team=ops" }),
    ).toEqual({
      endpoint: "http://collector:4318",
      headers: { "x-key": "abc=1", team: "ops" },
      serviceName: "levin-desk",
    });
    expect(readSettings("metrics", {})).toEqual({ token: null });
    const short = "tooshort-secret";
    const problems = problemsOf(() =>
      checkSettings({ ...EKO, METRICS_TOKEN: short, OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318", OTEL_EXPORTER_OTLP_HEADERS: "team=ops,abc" }),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "METRICS_TOKEN"]);
    expect(problems.join("\n")).not.toContain(short);
  });

  it("says what is missing when nothing is set", () => {
    const problems = problemsOf(() => checkSettings({}));
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "EKO_BASE_URL",
      "EKO_DEVELOPER_KEY",
      "EKO_ACCESS_KEY",
      "EKO_INITIATOR_ID",
      "EKO_USER_CODE",
    ]);
  });
});
