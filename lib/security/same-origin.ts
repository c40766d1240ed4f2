/**
 * Whether a state- or data-returning request was sent by this site's own pages. Browsers say where a request comes
 * from (`Sec-Fetch-Site`, or at least `Origin` on every POST); a request with neither is not from a browser, so no
 * other site can have made someone's browser send it with their cookies. SameSite=Lax alone still lets a sibling
 * subdomain's page post.
 */
export function isSameOriginRequest(headers: Pick<Headers, "get">): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host || origin === "null" || !URL.canParse(origin)) return false;
  return new URL(origin).host === host.split(",")[0]!.trim();
}
