import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { transfersLiveRequestSchema } from "@/lib/transfers/review-filters";
import { getTransfersLive } from "@/lib/transfers/review-live";

/** The transfers' review, kept live by the browser: the newest page or what changed since, and the board when it moved. */
export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, transfersLiveRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getTransfersLive(body.data), { headers: { "cache-control": "no-store" } });
});
