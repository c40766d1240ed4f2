import { requireRoutePermission } from "@/lib/auth/guard";
import { getEkoBreaker } from "@/lib/eko/breaker-settings";
import type { EkoStatus } from "@/lib/eko/circuit-breaker";

/** The Eko circuit breaker of this server process, for the supervisors' banner. */
export async function GET(request: Request) {
  const access = await requireRoutePermission(request, "review");
  if (!access.ok) return access.response;
  const { state, retryAt } = getEkoBreaker().snapshot();
  const body: EkoStatus = { breaker: state, retryAt: retryAt === null ? null : new Date(retryAt).toISOString() };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
