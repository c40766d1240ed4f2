import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { reviewRequestSchema } from "@/lib/otp-requests/review-request";
import { getReviewPage } from "@/lib/otp-requests/review-service";

/** A page of the review, for the live table. POST, so an exact mobile filter stays out of URLs and logs. */
export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, reviewRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getReviewPage(body.data), { headers: { "cache-control": "no-store" } });
});
