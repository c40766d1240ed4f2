import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { reviewRequestSchema } from "@/lib/otp-requests/review-request";
import { getReviewChanges, getReviewPage } from "@/lib/otp-requests/review-service";

/**
 * A page of the review, or (given `since`) what changed after it, for the live table. POST, so an exact mobile filter
 * stays out of URLs and logs.
 */
export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, reviewRequestSchema);
  if (!body.ok) return body.response;
  const { since } = body.data;
  const answer = since && !body.data.cursor ? await getReviewChanges({ ...body.data, since }) : await getReviewPage(body.data);
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});
