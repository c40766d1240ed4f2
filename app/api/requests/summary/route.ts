import { parseJsonBody } from "@/lib/http/json-body";
import { reviewRequestSchema } from "@/lib/otp-requests/review-filters";
import { getReviewSummary } from "@/lib/otp-requests/review-service";

export async function POST(request: Request) {
  const body = await parseJsonBody(request, reviewRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getReviewSummary(body.data), { headers: { "cache-control": "no-store" } });
}
