import { describe, expect, it } from "vitest";
import { ConfigError, readSettings } from "@/lib/settings";

function problemsFor(env: Record<string, string | undefined>): string[] {
  try {
    readSettings("limits", env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the limit settings accepted an invalid environment");
}

describe("the limit settings", () => {
  it("defaults to 3 per mobile in 15 minutes, 10 per mobile in 24 hours, 30 per agent in 15 minutes", () => {
    expect(readSettings("limits", {})).toEqual({ mobilePer15Min: 3, mobilePer24Hours: 10, agentPer15Min: 30 });
    expect(readSettings("limits", { LIMIT_MOBILE_PER_15_MIN: " ", LIMIT_AGENT_PER_15_MIN: "" })).toEqual({
      mobilePer15Min: 3,
      mobilePer24Hours: 10,
      agentPer15Min: 30,
    });
  });

  it("reads each setting, trimmed", () => {
    expect(readSettings("limits", { LIMIT_MOBILE_PER_15_MIN: " 5 ", LIMIT_MOBILE_PER_24_HOURS: "20", LIMIT_AGENT_PER_15_MIN: "100" })).toEqual({
      mobilePer15Min: 5,
      mobilePer24Hours: 20,
      agentPer15Min: 100,
    });
  });

  it.each([
    ["LIMIT_MOBILE_PER_15_MIN", "three", "must be a whole number"],
    ["LIMIT_MOBILE_PER_24_HOURS", "2.5", "must be a whole number"],
    ["LIMIT_AGENT_PER_15_MIN", "-1", "must be a whole number"],
    ["LIMIT_MOBILE_PER_15_MIN", "0", "must be at least 1"],
    ["LIMIT_AGENT_PER_15_MIN", "1000001", "must be at most"],
  ])("names %s when it is %j, without echoing the value", (name, value, message) => {
    const problems = problemsFor({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(message);
    expect(problems[0]).not.toContain(value);
  });

  it("names every bad setting at once", () => {
    const problems = problemsFor({ LIMIT_MOBILE_PER_15_MIN: "x", LIMIT_AGENT_PER_15_MIN: "0" });
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["LIMIT_MOBILE_PER_15_MIN", "LIMIT_AGENT_PER_15_MIN"]);
  });
});
