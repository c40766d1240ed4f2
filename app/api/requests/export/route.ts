import { guardedRoute } from "@/lib/auth/guard";
import { URL_FILTER_NAMES } from "@/lib/otp-requests/review-filters";
import { reviewRequestSchema } from "@/lib/otp-requests/review-request";
import { exportRequestsCsv } from "@/lib/otp-requests/review-service";

/** The filtered ledger as a CSV download. A form POST, so an exact mobile filter never lands in an address. */
export const POST = guardedRoute("review", async (request) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Send the export filters as a form.", { status: 400 });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const filters = Object.fromEntries(URL_FILTER_NAMES.map((field) => [field, text(field)]));
  const parsed = reviewRequestSchema.safeParse({ filters, mobile: text("mobile") });
  if (!parsed.success) return new Response(parsed.error.issues[0]?.message ?? "Check the filters.", { status: 400 });

  const stamp = new Date(Date.now() + 5.5 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(exportRequestsCsv(parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="otp-requests-${stamp}-ist.csv"`,
      "cache-control": "no-store",
    },
  });
});
