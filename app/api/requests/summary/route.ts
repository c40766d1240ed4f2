import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { summaryRequestSchema } from "@/lib/otp-requests/review-request";
import { getReviewSummary } from "@/lib/otp-requests/review-service";

export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, summaryRequestSchema);
  if (!body.ok) return body.response;
  const { knownVersion, ...review } = body.data;
  return Response.json(await getReviewSummary(review, knownVersion), { headers: { "cache-control": "no-store" } });
});
