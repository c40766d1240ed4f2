import { guardedRoute } from "@/lib/auth/guard";
import { getTransfersVersion } from "@/lib/transfers/review";

/** What the transfers' review polls: whether anything it shows changed since it was drawn. */
export const GET = guardedRoute("review", async () =>
  Response.json({ version: await getTransfersVersion() }, { headers: { "cache-control": "no-store" } }),
);
