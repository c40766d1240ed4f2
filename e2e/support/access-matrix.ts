import type { Caller } from "./role-api";

/** What a caller gets on a page: the page itself, the 403 page, or a redirect to a path (with its query). */
export type PageOutcome = { kind: "ok" } | { kind: "forbidden" } | { kind: "redirect"; to: string };

export const PAGES = ["/", "/enter-ids", "/requests", "/admin/users", "/admin/audit", "/login"] as const;
export type DeskPath = (typeof PAGES)[number];

const ok: PageOutcome = { kind: "ok" };
const forbidden: PageOutcome = { kind: "forbidden" };
const to = (path: string): PageOutcome => ({ kind: "redirect", to: path });
const toLogin = (next: string) => to(`/login?${new URLSearchParams({ next })}`);

export const PAGE_ACCESS: Record<Caller, Record<DeskPath, PageOutcome>> = {
  anonymous: { "/": toLogin("/"), "/enter-ids": toLogin("/enter-ids"), "/requests": toLogin("/requests"), "/admin/users": toLogin("/admin/users"), "/admin/audit": toLogin("/admin/audit"), "/login": ok },
  agent: { "/": ok, "/enter-ids": ok, "/requests": forbidden, "/admin/users": forbidden, "/admin/audit": forbidden, "/login": to("/") },
  supervisor: { "/": to("/requests"), "/enter-ids": forbidden, "/requests": ok, "/admin/users": forbidden, "/admin/audit": forbidden, "/login": to("/requests") },
  admin: { "/": to("/admin/users"), "/enter-ids": forbidden, "/requests": forbidden, "/admin/users": ok, "/admin/audit": ok, "/login": to("/admin/users") },
};

/** The supervisors' route handlers, each with a body it accepts. */
export const ROUTES = [
  { path: "/api/requests", body: { data: {} } },
  { path: "/api/requests/summary", body: { data: {} } },
  { path: "/api/requests/export", body: { form: { outcome: "" } } },
] as const;

export const ROUTE_STATUS: Record<Caller, number> = { anonymous: 401, agent: 403, admin: 403, supervisor: 200 };

export const FORBIDDEN_TEXT = "Your role may not open this page.";
