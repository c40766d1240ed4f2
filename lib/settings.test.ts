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
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["EKO_TIMEOUT_MS", "LIMIT_AGENT_PER_15_MIN", "TRUSTED_PROXY_HOPS", "DATABASE_URL"]);
    expect(problems.join("\n")).not.toMatch(/soon|all|mysql/);
  });

  it("says what is missing when nothing is set", () => {
    const problems = problemsOf(() => checkSettings({}));
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["EKO_BASE_URL", "EKO_DEVELOPER_KEY", "EKO_ACCESS_KEY", "EKO_INITIATOR_ID", "EKO_USER_CODE"]);
  });
});
