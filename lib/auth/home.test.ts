import { describe, expect, it } from "vitest";
import { homeFor } from "./home";

describe("where people land", () => {
  it("sends each role to its own start page", () => {
    expect(homeFor("agent")).toBe("/");
    expect(homeFor("supervisor")).toBe("/requests");
    expect(homeFor("admin")).toBe("/admin/users");
  });
});
