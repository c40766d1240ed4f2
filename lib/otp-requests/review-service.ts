import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { CHANGES_OVERLAP_MS, REVIEW_CHANGES_LIMIT } from "@/lib/ledger/live-rows";
import { getMobileVault } from "@/lib/privacy/mobile-vault";
import { staleBefore } from "./ledger-settings";
import { CSV_HEADER, csvLine } from "./requests-csv";
import { decodeCursor, type ReviewChanges, type ReviewPage, type SummaryAnswer } from "./review-filters";
import type { reviewRequestSchema } from "./review-request";
import { iterateRequests, listChanges, listRequests, type ReviewQuery } from "./review-repository";
import { summarizeRequests, summaryVersion } from "./review-summary";

export const REVIEW_PAGE_SIZE = 50;

type ParsedReviewRequest = z.output<typeof reviewRequestSchema>;

function toQuery({ filters, mobile }: ParsedReviewRequest): ReviewQuery {
  return { filters, mobileHash: mobile ? getMobileVault().hash(mobile) : undefined, staleBefore: staleBefore() };
}

export async function getReviewPage(request: ParsedReviewRequest): Promise<ReviewPage> {
  const since = String(Date.now());
  const page = await listRequests(await getDb(), toQuery(request), { cursor: decodeCursor(request.cursor), limit: REVIEW_PAGE_SIZE });
  return { ...page, since };
}

/** What changed since the browser's last poll (`request.since`), within its filters; rows merge into what it shows. */
export async function getReviewChanges(request: ParsedReviewRequest & { since: string }): Promise<ReviewChanges> {
  const now = new Date();
  const after = new Date(Number(request.since) - CHANGES_OVERLAP_MS);
  const changes = await listChanges(await getDb(), toQuery(request), {
    after,
    staleAfter: staleBefore(after),
    limit: REVIEW_CHANGES_LIMIT,
  });
  return { rows: changes.rows, removed: changes.removed, since: String(now.getTime()), reset: changes.truncated };
}

/** The summary, or `unchanged` when the version the browser holds still stands (one cheap statement). */
export async function getReviewSummary(request: ParsedReviewRequest, knownVersion?: string): Promise<SummaryAnswer> {
  const db = await getDb();
  const query = toQuery(request);
  if (knownVersion) {
    const version = await summaryVersion(db, query.staleBefore);
    if (version === knownVersion) return { unchanged: true, version };
  }
  return summarizeRequests(db, query);
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
