import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { filtersToSearchParams, type SummaryAnswer, type UrlFilters } from "@/lib/otp-requests/review-filters";
import type { TransfersLive } from "@/lib/transfers/review-live";
import { percentile } from "./stats";

/** How one of the review's requests fared over every tab and turn. */
export type PollFigures = { request: string; requests: number; failures: number; p50: number; p99: number };

/**
 * One supervisor's open tab: its session, and what it holds and sends back as the page's hooks do: the rows' `since`,
 * the summary's version, and the transfers' `since` and version.
 */
type Tab = {
  cookie: string;
  opened?: boolean;
  rowsSince?: string;
  summaryVersion?: string;
  transfersSince?: string;
  transfersVersion?: string;
  boardAt?: number;
};

type Review = { baseUrl: string; filters: UrlFilters };

const postJson = (review: Review, tab: Tab, path: string, body: unknown) =>
  fetch(`${review.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: review.baseUrl, cookie: tab.cookie },
    body: JSON.stringify(body),
  });

/** The review's live rows as `useLiveRequests` polls them: the newest page of the tab's filter, then what changed since. */
async function pollRows(review: Review, tab: Tab): Promise<boolean> {
  const response = await postJson(review, tab, "/api/requests", { filters: review.filters, since: tab.rowsSince });
  const answer = (await response.json().catch(() => null)) as { since?: string } | null;
  if (answer?.since) tab.rowsSince = answer.since;
  return response.ok && Boolean(answer);
}

/** The summary's poll, sending back the version held: the server may answer that it is unchanged. */
async function pollSummary(review: Review, tab: Tab): Promise<boolean> {
  const response = await postJson(review, tab, "/api/requests/summary", { filters: review.filters, knownVersion: tab.summaryVersion });
  const answer = (await response.json().catch(() => null)) as SummaryAnswer | null;
  if (answer?.version) tab.summaryVersion = answer.version;
  return response.ok && Boolean(answer);
}

/** As `useLiveTransfers`: the board is read afresh at least this often, for the ages it shows. */
const BOARD_AT_LEAST_EVERY_MS = 60_000;

/**
 * The transfers' review as `useLiveTransfers` keeps it: the rows changed since the last poll, and the attention list
 * and totals only when the version moved from the one the tab holds (or a minute has passed).
 */
async function pollTransfers(review: Review, tab: Tab): Promise<boolean> {
  const fresh = Date.now() - (tab.boardAt ?? 0) < BOARD_AT_LEAST_EVERY_MS;
  const body = { filters: review.filters, since: tab.transfersSince, knownVersion: fresh ? tab.transfersVersion : undefined };
  let response = await postJson(review, tab, "/api/transfers", body);
  let answer = (await response.json().catch(() => null)) as TransfersLive | null;
  if (answer?.rows.kind === "changes" && answer.rows.reset) {
    // Too much changed for one answer: the browser starts again from the newest page.
    response = await postJson(review, tab, "/api/transfers", { ...body, since: undefined });
    answer = (await response.json().catch(() => null)) as TransfersLive | null;
  }
  if (!response.ok || !answer) return false;
  tab.transfersSince = answer.rows.since;
  tab.transfersVersion = answer.version;
  if (answer.board) tab.boardAt = Date.now();
  return true;
}

/** A cold load of the requests' review, as a tab opening it: the server renders the first page. */
async function openReview(review: Review, tab: Tab): Promise<boolean> {
  const response = await fetch(`${review.baseUrl}/requests?${filtersToSearchParams(review.filters)}`, {
    headers: { cookie: tab.cookie },
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.ok;
}

const POLLS = { rows: pollRows, summary: pollSummary, transfers: pollTransfers } as const;

/**
 * Supervisors' tabs on the review, open across turns: the first `start` opens each tab (staggered over one interval,
 * as tabs are not opened in the same instant); every `start` polls each of the page's requests every `pollMs`, a new
 * one only once the last is answered, as TanStack Query does. `stop` waits for the requests in flight, so none spills
 * into a quiet turn.
 */
export function supervisorTabs(baseUrl: string, cookies: readonly string[], options: { filters: UrlFilters; pollMs: number }) {
  const review: Review = { baseUrl, filters: options.filters };
  const tabs: Tab[] = cookies.map((cookie) => ({ cookie }));
  const samples = new Map<string, { ms: number[]; failures: number }>();
  const timed = async (request: string, work: () => Promise<boolean>) => {
    const into = samples.get(request) ?? { ms: [], failures: 0 };
    samples.set(request, into);
    const started = performance.now();
    const ok = await work().catch(() => false);
    into.ms.push(performance.now() - started);
    if (!ok) into.failures++;
  };

  // A stopped tab wakes at once rather than sleeping out its interval.
  const pause = (ms: number, stopped: AbortSignal) => sleep(ms, undefined, { signal: stopped }).catch(() => undefined);

  async function runTab(tab: Tab, index: number, stopped: AbortSignal) {
    await pause((index * options.pollMs) / tabs.length, stopped);
    if (stopped.aborted) return;
    if (!tab.opened) await timed("open /requests", () => openReview(review, tab));
    tab.opened = true;
    await Promise.all(
      Object.entries(POLLS).map(async ([request, poll]) => {
        while (!stopped.aborted) {
          const started = performance.now();
          await timed(request, () => poll(review, tab));
          await pause(options.pollMs - ((performance.now() - started) % options.pollMs), stopped);
        }
      }),
    );
  }

  return {
    /** Opens the tabs and polls until the returned stop is awaited. */
    start(): () => Promise<void> {
      const stop = new AbortController();
      setMaxListeners(tabs.length * (Object.keys(POLLS).length + 1), stop.signal); // each of a tab's polls waits on it
      const all = Promise.all(tabs.map((tab, i) => runTab(tab, i, stop.signal)));
      return async () => {
        stop.abort();
        await all;
      };
    },
    figures(): PollFigures[] {
      return [...samples].map(([request, { ms, failures }]) => {
        const sorted = [...ms].sort((a, b) => a - b);
        return { request, requests: ms.length, failures, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      });
    },
  };
}
