import { describe, expect, it } from "vitest";
import { demoEnv, DEMO_DATA_DIR } from "./demo-env.mjs";

const UAT = { developerKey: "d", accessKey: "a", initiatorId: "9962981729", userCode: "20810200" };

describe("npm run demo's environment", () => {
  it("always uses a database of its own, whatever the shell points at", () => {
    const shell = { DATABASE_URL: "postgres://ops@db.example.in/levin_desk", DATA_DIR: "/srv/desk", LEDGER_KEY: "real-key" };
    const child = { ...shell, ...demoEnv(UAT, 4010) };
    expect(child).toMatchObject({ DATABASE_URL: "", DATA_DIR: DEMO_DATA_DIR, LEDGER_KEY: "" });
    expect(child.EKO_BASE_URL).toBe("http://127.0.0.1:4010/ekoapi/v3");
  });
});
