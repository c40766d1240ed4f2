import { guardedRoute } from "@/lib/auth/guard";
import { parseJsonBody } from "@/lib/http/json-body";
import { transferRowsRequestSchema } from "@/lib/transfers/review-filters";
import { getTransferRows } from "@/lib/transfers/review-live";

/** The transfers' review table, kept live by the browser: the newest page, or (given `since`) what changed after it. */
export const POST = guardedRoute("review", async (request) => {
  const body = await parseJsonBody(request, transferRowsRequestSchema);
  if (!body.ok) return body.response;
  return Response.json(await getTransferRows(body.data), { headers: { "cache-control": "no-store" } });
});
