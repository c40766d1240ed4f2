import { requireRoutePermission } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { reviewRequestSchema } from "@/lib/otp-requests/review-request";
import { getReviewSummary } from "@/lib/otp-requests/review-service";

export async function POST(request: Request) {
  const access = await requireRoutePermission(request, "review");
  if (!access.ok) return access.response;
  const body = await parseJsonBody(request, reviewRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getReviewSummary(body.data), { headers: { "cache-control": "no-store" } });
}
