import { guardedRoute } from "@/lib/auth/guard";
import { readTransferFilters } from "@/lib/transfers/review-filters";
import { exportTransfersCsv } from "@/lib/transfers/transfers-csv";

/** The filtered transfers as CSV, streamed: mobiles and accounts masked as on screen. */
export const GET = guardedRoute("review", async (request) => {
  const filters = readTransferFilters(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(exportTransfersCsv(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="levin-desk-transfers.csv"`,
      "cache-control": "no-store",
    },
  });
});
