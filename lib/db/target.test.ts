import path from "node:path";
import { describe, expect, it } from "vitest";
import { dbTargetFrom, describeTarget } from "./target";

describe("the database a command names before it changes anything", () => {
  it("names the embedded folder as an absolute path", () => {
    expect(describeTarget(dbTargetFrom({ DATA_DIR: "srv/desk" }))).toBe(`embedded, in ${path.resolve("srv/desk", "pglite")}`);
  });

  it("names the PostgreSQL database, host and port, never the user or password", () => {
    const said = describeTarget(dbTargetFrom({ DATABASE_URL: "postgres://desk:s3cret-pw@db.example:6543/levin_desk?sslmode=require" }));
    expect(said).toBe("PostgreSQL levin_desk on db.example:6543");
    expect(said).not.toMatch(/desk:|s3cret/);
  });

  it("fills in the default port and a socket server's folder", () => {
    expect(describeTarget(dbTargetFrom({ DATABASE_URL: "postgresql://db.internal/ledger" }))).toBe("PostgreSQL ledger on db.internal:5432");
    expect(describeTarget(dbTargetFrom({ DATABASE_URL: "postgres:///ledger?host=/var/run/postgresql" }))).toBe(
      "PostgreSQL ledger on /var/run/postgresql:5432",
    );
  });
});
