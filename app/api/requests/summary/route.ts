import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { reviewRequestSchema } from "@/lib/otp-requests/review-request";
import { getReviewSummary } from "@/lib/otp-requests/review-service";

export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, reviewRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getReviewSummary(body.data), { headers: { "cache-control": "no-store" } });
});
