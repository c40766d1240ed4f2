import { describe, expect, it } from "vitest";
import { homeFor, safeReturnPath } from "./home";

describe("where people land", () => {
  it("sends each role to its own start page", () => {
    expect(homeFor("agent")).toBe("/");
    expect(homeFor("supervisor")).toBe("/requests");
    expect(homeFor("admin")).toBe("/admin/users");
  });

  it.each(["/requests", "/requests?outcome=sent", "/admin/users"])("keeps a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each(["//evil.example/x", "https://evil.example", "/\\evil.example", "evil", "", undefined, null])(
    "refuses anything that could leave the site: %s",
    (value) => {
      expect(safeReturnPath(value)).toBeNull();
    },
  );
});
