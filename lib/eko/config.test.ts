import { describe, expect, it } from "vitest";
import { ConfigError, readSettings } from "@/lib/settings";
import { ekoEnvironmentOf } from "./environment";

const ACCESS_KEY = "d2fe1d99-6298-4af2-8cc5-d97dcf46df30";

// Eko's published UAT sandbox values.
const uatEnv = {
  EKO_BASE_URL: "https://staging.eko.in/ekoapi/v3/",
  EKO_DEVELOPER_KEY: "becbbce45f79c6f5109f848acd540567",
  EKO_ACCESS_KEY: ACCESS_KEY,
  EKO_INITIATOR_ID: "9962981729",
  EKO_USER_CODE: "20810200",
} as const;

const REQUIRED = ["EKO_BASE_URL", "EKO_DEVELOPER_KEY", "EKO_ACCESS_KEY", "EKO_INITIATOR_ID", "EKO_USER_CODE"] as const;

/** The ConfigError reading the Eko settings from env throws; fails the test if it does not throw one. */
function configErrorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    readSettings("eko", env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("the Eko settings accepted an invalid environment");
}

describe("the Eko settings (EKO_*)", () => {
  it("reads Eko's UAT values, trims the trailing slash and applies the defaults", () => {
    expect(readSettings("eko", uatEnv)).toEqual({
      baseUrl: "https://staging.eko.in/ekoapi/v3",
      environment: "uat",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      accessKey: ACCESS_KEY,
      initiatorId: "9962981729",
      userCode: "20810200",
      timeoutMs: 15000,
      minAmount: 100,
      maxAmount: 25000,
    });
  });

  it("reads the optional numbers when given, and treats blank ones as unset", () => {
    const config = readSettings("eko", { ...uatEnv, EKO_TIMEOUT_MS: "8000", EKO_MIN_AMOUNT: "10", EKO_MAX_AMOUNT: "5000" });
    expect([config.timeoutMs, config.minAmount, config.maxAmount]).toEqual([8000, 10, 5000]);
    const blank = readSettings("eko", { ...uatEnv, EKO_TIMEOUT_MS: "", EKO_MIN_AMOUNT: "  ", EKO_MAX_AMOUNT: "" });
    expect([blank.timeoutMs, blank.minAmount, blank.maxAmount]).toEqual([15000, 100, 25000]);
  });

  it.each(REQUIRED)("names %s when it is missing or blank", (name) => {
    for (const value of [undefined, "", "   "]) {
      const error = configErrorFor({ ...uatEnv, [name]: value });
      expect(error.name).toBe("ConfigError");
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]?.startsWith(`${name} `)).toBe(true);
      expect(error.message).toContain(name);
    }
  });

  it("names every missing variable at once", () => {
    const error = configErrorFor({});
    for (const name of REQUIRED) expect(error.message).toContain(name);
    expect(error.problems).toHaveLength(REQUIRED.length);
  });

  it.each([
    ["EKO_TIMEOUT_MS", { EKO_TIMEOUT_MS: "soon" }],
    ["EKO_TIMEOUT_MS", { EKO_TIMEOUT_MS: "15s" }],
    ["EKO_MIN_AMOUNT", { EKO_MIN_AMOUNT: "-1" }],
    ["EKO_MAX_AMOUNT", { EKO_MIN_AMOUNT: "500", EKO_MAX_AMOUNT: "200" }],
    ["EKO_MAX_AMOUNT", { EKO_MAX_AMOUNT: "50" }],
    ["EKO_BASE_URL", { EKO_BASE_URL: "ftp://x" }],
    ["EKO_BASE_URL", { EKO_BASE_URL: "staging.eko.in/ekoapi/v3" }],
    ["EKO_INITIATOR_ID", { EKO_INITIATOR_ID: "99629817" }],
    ["EKO_USER_CODE", { EKO_USER_CODE: "USER-1" }],
  ] as const)("names %s when it is malformed (%j)", (name, override) => {
    const error = configErrorFor({ ...uatEnv, ...override });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.startsWith(`${name} `)).toBe(true);
  });

  it("never puts the access key's value in the message", () => {
    const messy = { EKO_BASE_URL: "ftp://x", EKO_TIMEOUT_MS: "soon", EKO_INITIATOR_ID: "x", EKO_USER_CODE: "" };
    const withValidKey = configErrorFor({ ...uatEnv, ...messy });
    expect(withValidKey.message).not.toContain(ACCESS_KEY);
    const spacedKey = `${ACCESS_KEY} `;
    const withBadKey = configErrorFor({ ...uatEnv, EKO_ACCESS_KEY: spacedKey });
    expect(withBadKey.message).toContain("EKO_ACCESS_KEY");
    expect(withBadKey.message).not.toContain(ACCESS_KEY);
    expect(withBadKey.message).not.toContain("d2fe1d99");
  });

  it("trims spaces around the base URL instead of sending them to Eko", () => {
    expect(readSettings("eko", { ...uatEnv, EKO_BASE_URL: " https://staging.eko.in/ekoapi/v3/ " }).baseUrl).toBe("https://staging.eko.in/ekoapi/v3");
  });

  it.each(["https://staging.eko.in/ekoapi/v3?x=1", "https://staging.eko.in/ekoapi/v3#a"])("refuses a base URL with a query or fragment: %s", (url) => {
    expect(configErrorFor({ ...uatEnv, EKO_BASE_URL: url }).message).toContain("EKO_BASE_URL must not carry a query or fragment");
  });
});

describe("ekoEnvironmentOf", () => {
  it.each([
    ["https://api.eko.in/ekoicici/v3", "production"],
    ["https://api.eko.in:25002/ekoicici/v3", "production"],
    ["https://staging.eko.in/ekoapi/v3", "uat"],
    ["https://staging.eko.in:25004/ekoapi/v3", "uat"],
    ["http://127.0.0.1:4010/ekoapi/v3", "simulator"],
    ["http://localhost:4010/ekoapi/v3", "simulator"],
    ["http://[::1]:4010/ekoapi/v3", "simulator"],
    ["https://staging.eko.in.example.com/ekoapi/v3", "custom"],
    ["https://eko.example.com/v3", "custom"],
    ["http://10.0.0.5/ekoapi/v3", "custom"],
  ] as const)("%s → %s", (url, environment) => {
    expect(ekoEnvironmentOf(url)).toBe(environment);
  });

  it("reports the simulator for a loopback base URL", () => {
    expect(readSettings("eko", { ...uatEnv, EKO_BASE_URL: "http://127.0.0.1:4010/ekoapi/v3" }).environment).toBe("simulator");
  });
});
