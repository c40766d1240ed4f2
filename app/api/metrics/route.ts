import { bearerRoute } from "@/lib/auth/guard";
import { scrapeMetrics } from "@/lib/observability/scrape";
import { settings } from "@/lib/settings";

/** Prometheus's scrape of this instance: no session, METRICS_TOKEN as a bearer token (404 while it is unset). */
export const GET = bearerRoute(
  () => settings("metrics").token,
  async () => {
    const { contentType, text } = await scrapeMetrics();
    return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
);
