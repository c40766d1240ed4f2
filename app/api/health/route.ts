import { publicRoute } from "@/lib/auth/guard";
import { checkHealth } from "@/lib/startup/health";

/** Public readiness probe (no session): the database answers, the settings are valid, the server is not stopping. */
export const GET = publicRoute(async () => {
  const { httpStatus, report } = await checkHealth();
  return Response.json(report, { status: httpStatus, headers: { "cache-control": "no-store" } });
});
