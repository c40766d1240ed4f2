import { describe, expect, it } from "vitest";
import { hasSessionCookie, isPublicPath, loginRedirectTarget, safeReturnPath } from "./login-redirect";

describe("isPublicPath", () => {
  it("lets the login page, route handlers, Next's assets and metadata files through", () => {
    for (const path of ["/login", "/login/reset", "/api/requests", "/api/auth/sign-in/username", "/_next/static/x.js", "/icon.svg", "/favicon.ico", "/robots.txt"]) {
      expect(isPublicPath(path), path).toBe(true);
    }
  });
  it("treats desk pages, and look-alikes of public paths, as pages", () => {
    for (const path of ["/", "/requests", "/loginx", "/apix", "/login.evil/x", "/icons/page"]) expect(isPublicPath(path), path).toBe(false);
  });
});

describe("hasSessionCookie", () => {
  it("accepts either of better-auth's cookie names and nothing else", () => {
    expect(hasSessionCookie((name) => name === "better-auth.session_token")).toBe(true);
    expect(hasSessionCookie((name) => name === "__Secure-better-auth.session_token")).toBe(true);
    expect(hasSessionCookie((name) => name === "session_token")).toBe(false);
  });
});

describe("safeReturnPath: the one return-path check", () => {
  it.each(["/", "/requests", "/requests?outcome=sent&from=2026-12-01", "/admin/users#top", "/requests/%09x"])("keeps a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });
  it("returns the path as the browser will read it", () => {
    expect(safeReturnPath("/admin/../requests")).toBe("/requests");
  });
  it.each([
    null,
    undefined,
    "",
    "requests",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/.//evil.example",
    "/a/..//evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    " /evil",
    `/${"a".repeat(3000)}`,
  ])("refuses anything that could leave the site: %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
  it("never points back at the login page", () => {
    expect(safeReturnPath("/login?next=/requests")).toBeNull();
    expect(safeReturnPath("/login/x")).toBeNull();
  });
});

describe("loginRedirectTarget", () => {
  it("is a relative /login URL whose next is the page asked for", () => {
    expect(loginRedirectTarget("/requests", "?page=2")).toBe("/login?next=%2Frequests%3Fpage%3D2");
    expect(loginRedirectTarget("/", "")).toBe("/login?next=%2F");
    expect(loginRedirectTarget("//evil.example", "")).toBe("/login?next=%2F");
    expect(loginRedirectTarget("/.//evil.example", "")).toBe("/login?next=%2F");
  });
});
