import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { staleBefore } from "./ledger-settings";
import { CSV_HEADER, csvLine } from "./requests-csv";
import { decodeCursor } from "./review-filters";
import type { reviewRequestSchema } from "./review-request";
import { iterateRequests, listRequests, type ReviewQuery } from "./review-repository";
import { summarizeRequests } from "./review-summary";

export const REVIEW_PAGE_SIZE = 50;

type ParsedReviewRequest = z.output<typeof reviewRequestSchema>;

function toQuery({ filters, mobile }: ParsedReviewRequest): ReviewQuery {
  return { filters, mobileHash: mobile ? getMobileVault().hash(mobile) : undefined, staleBefore: staleBefore() };
}

export async function getReviewPage(request: ParsedReviewRequest) {
  return listRequests(await getDb(), toQuery(request), { cursor: decodeCursor(request.cursor), limit: REVIEW_PAGE_SIZE });
}

/** An agent's own latest requests: the same read as the review, confined to that agent. */
export async function getReviewSummary(request: ParsedReviewRequest) {
  return summarizeRequests(await getDb(), toQuery(request));
}

/** The filtered ledger as CSV, pulled from the database a batch at a time as the client reads. */
export function exportRequestsCsv(request: ParsedReviewRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<Awaited<ReturnType<typeof listRequests>>["rows"]> | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      // A byte-order mark so spreadsheet programs read the ₹-free but •-masked text as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
      batches = iterateRequests(await getDb(), toQuery(request));
    },
    async pull(controller) {
      const next = await batches?.next();
      if (!next || next.done) return controller.close();
      controller.enqueue(encoder.encode(`${next.value.map(csvLine).join("\r\n")}\r\n`));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}
