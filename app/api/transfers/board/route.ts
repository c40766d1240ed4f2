import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { transfersBoardRequestSchema } from "@/lib/transfers/review-filters";
import { getTransfersBoard } from "@/lib/transfers/review-live";

/** The transfers' review's attention list and totals, or `unchanged` when the version the browser holds still stands. */
export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, transfersBoardRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getTransfersBoard(body.data), { headers: { "cache-control": "no-store" } });
});
