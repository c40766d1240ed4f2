import { describe, expect, it } from "vitest";
import { hasSessionCookie, isPublicPath, loginRedirectTarget, safeNextPath } from "./login-redirect";

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

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/requests?status=failed")).toBe("/requests?status=failed");
    expect(safeNextPath("/")).toBe("/");
  });
  it("turns anything that could leave the site into /", () => {
    for (const value of [null, undefined, "", "requests", "//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", `/${"a".repeat(3000)}`]) {
      expect(safeNextPath(value), String(value)).toBe("/");
    }
  });
  it("never points back at the login page", () => {
    expect(safeNextPath("/login?next=/requests")).toBe("/");
  });
});

describe("loginRedirectTarget", () => {
  it("is a relative /login URL whose next is the page asked for", () => {
    expect(loginRedirectTarget("/requests", "?page=2")).toBe("/login?next=%2Frequests%3Fpage%3D2");
    expect(loginRedirectTarget("/", "")).toBe("/login?next=%2F");
    expect(loginRedirectTarget("//evil.example", "")).toBe("/login?next=%2F");
  });
});
