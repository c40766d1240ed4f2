import { guardedRoute } from "@/lib/auth/guard";
import { currentEkoStatus } from "@/lib/eko/breaker-settings";

/** The Eko circuit breaker of this server process, for the banner agents and supervisors see. */
export const GET = guardedRoute("eko-status", async () => Response.json(currentEkoStatus(), { headers: { "cache-control": "no-store" } }));
