/** Where signed-out people are sent. */
export const LOGIN_PATH = "/login";

/** better-auth's session cookie: the plain name over http, the `__Secure-` one when cookies are Secure. */
export const SESSION_COOKIE_NAMES = ["better-auth.session_token", "__Secure-better-auth.session_token"] as const;

// Next's metadata files (app/icon.svg, favicon.ico, robots.txt, …) must load on the login page itself.
const PUBLIC_FILE = /^\/(?:favicon\.ico|icon[\w-]*\.\w+|apple-icon[\w-]*\.\w+|robots\.txt|sitemap\.xml|manifest\.webmanifest)$/;

/**
 * Paths anyone may request without a session cookie: the login page, route handlers (they answer 401 themselves,
 * as JSON, which a redirect would break), Next's own assets and metadata files. Everything else is a desk page.
 */
export function isPublicPath(pathname: string): boolean {
  if (isLoginPath(pathname)) return true;
  if (pathname === "/api" || pathname.startsWith("/api/")) return true;
  if (pathname.startsWith("/_next/")) return true;
  return PUBLIC_FILE.test(pathname);
}

/** Only whether a session cookie is present: the proxy cannot afford a database read, pages check it properly. */
export function hasSessionCookie(has: (name: string) => boolean): boolean {
  return SESSION_COOKIE_NAMES.some((name) => has(name));
}

const ORIGIN = "http://levin-desk.invalid";

/**
 * `value` if it is a path on this site, else null: the one check for every redirect the desk makes after sign-in.
 * "//evil.example", "/\\evil.example", "/\t/evil.example", "/.//evil.example", "https://…" all become null, as do
 * the login page itself (it would only loop) and anything over 2 kB.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2048 || !value.startsWith("/")) return null;
  // Browsers read "\" as "/", and strip tabs and newlines, so "/\evil" and "/\t/evil" are protocol-relative.
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  // Dot segments collapse while parsing: "/.//evil.example" comes out as "//evil.example".
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || isLoginPath(url.pathname)) return null;
  return path;
}

function isLoginPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`);
}

/** `/login?next=<the page asked for>`, with `next` always a relative path. */
export function loginRedirectTarget(pathname: string, search: string): string {
  const next = safeReturnPath(`${pathname}${search}`) ?? "/";
  return `${LOGIN_PATH}?${new URLSearchParams({ next }).toString()}`;
}
