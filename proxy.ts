import { NextResponse, type NextRequest } from "next/server";
import { answersUncompressed } from "@/lib/http/action-compression";
import { createNonce } from "@/lib/security/csp";
import { applySecurityHeaders, isHttpsRequest, securityHeaders } from "@/lib/security/headers";
import { hasSessionCookie, isPublicPath, loginRedirectTarget } from "@/lib/security/login-redirect";
import { trustedProxyHops } from "@/lib/auth/client-address";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";

/**
 * Security headers with a fresh CSP nonce on every page and route-handler response, and a comfort redirect to
 * /login for signed-out page requests. Not the security boundary: pages, actions and handlers check the session.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    isDev: process.env.NODE_ENV === "development",
    isHttps: isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto")),
  });
  const { pathname, search } = request.nextUrl;
  // Every log line of this request carries it (lib/log.ts), and the response tells the caller which one to quote.
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER), trustedProxyHops() > 0);

  // Only reads: a signed-out POST (a server action) gets its own "signed-out" answer, not a redirect it cannot use.
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (isRead && !isPublicPath(pathname) && !hasSessionCookie((name) => request.cookies.has(name))) {
    const redirect = NextResponse.redirect(new URL(loginRedirectTarget(pathname, search), request.url));
    applySecurityHeaders(redirect.headers, headers);
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    return redirect;
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts while rendering.
  // `x-nonce` is for server components that render their own <Script nonce>; whatever the client sent is replaced.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Lets a server component that finds the session gone send the person back here after signing in.
  requestHeaders.set("x-desk-path", `${pathname}${search}`);
  if (answersUncompressed(request.method, pathname, request.headers)) requestHeaders.delete("accept-encoding");
  applySecurityHeaders(
    requestHeaders,
    headers.filter(({ key }) => key === "Content-Security-Policy"),
  );
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, headers);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    // Everything but Next's build output and image optimiser (next.config.js gives those a strict CSP of their own):
    // any other path may render a page (a 404 at "/x.png" does), so it gets this request's nonce, set only here.
    "/((?!_next/static/|_next/image).*)",
  ],
};
