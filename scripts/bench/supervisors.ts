import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { filtersToSearchParams, type SummaryAnswer, type UrlFilters } from "@/lib/otp-requests/review-filters";
import { LIVE_AGES_EVERY_MS, LIVE_ROWS_EVERY_MS, LIVE_SUMMARY_EVERY_MS } from "@/lib/ledger/live-rows";
import type { BoardAnswer, TransferRows } from "@/lib/transfers/review-live";
import { percentile } from "./stats";

/** How one of the review's requests fared over every tab and turn. */
export type PollFigures = { request: string; requests: number; failures: number; p50: number; p99: number };

/**
 * One supervisor's open tab: its session, and what it holds and sends back as the page's hooks do: the rows' `since`,
 * the summary's version, the transfers' `since`, and the version of the transfers' board.
 */
type Tab = {
  cookie: string;
  rowsSince?: string;
  summaryVersion?: string;
  transfersSince?: string;
  boardVersion?: string;
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

/** The transfers' table as `useLiveTransfers` polls it: the newest page, then what changed since. */
async function pollTransferRows(review: Review, tab: Tab): Promise<boolean> {
  const response = await postJson(review, tab, "/api/transfers", { filters: review.filters, since: tab.transfersSince });
  const answer = (await response.json().catch(() => null)) as TransferRows | null;
  if (answer?.since) tab.transfersSince = answer.since;
  return response.ok && Boolean(answer);
}

/** The transfers' board as `useLiveTransfers` polls it: the version held, unless its ages are a minute old. */
async function pollTransfersBoard(review: Review, tab: Tab): Promise<boolean> {
  const fresh = Date.now() - (tab.boardAt ?? 0) < LIVE_AGES_EVERY_MS;
  const response = await postJson(review, tab, "/api/transfers/board", {
    filters: review.filters,
    knownVersion: fresh ? tab.boardVersion : undefined,
  });
  const answer = (await response.json().catch(() => null)) as BoardAnswer | null;
  if (answer && !("unchanged" in answer)) tab.boardAt = Date.now();
  if (answer?.version) tab.boardVersion = answer.version;
  return response.ok && Boolean(answer);
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

/** Each poll of the pages, and its pace as a multiple of the rows' (the summaries go at a third of it, as the hooks do). */
const SUMMARY_PACE = LIVE_SUMMARY_EVERY_MS / LIVE_ROWS_EVERY_MS;
const POLLS = {
  rows: { poll: pollRows, pace: 1 },
  summary: { poll: pollSummary, pace: SUMMARY_PACE },
  "transfer rows": { poll: pollTransferRows, pace: 1 },
  "transfers board": { poll: pollTransfersBoard, pace: SUMMARY_PACE },
} as const;

/**
 * Supervisors' tabs on the review, open across turns: `open` loads each tab's page once, before any turn is timed;
 * every `start` polls each of the page's requests on its own pace, on one clock across turns (each tab a fraction of
 * an interval after the one before, as tabs are not opened in the same instant), so a turn's start is not a burst of
 * every poll at once; a new poll only once the last is answered, as TanStack Query does. `stop` waits for the
 * requests in flight, so none spills into a quiet turn.
 */
export function supervisorTabs(baseUrl: string, cookies: readonly string[], options: { filters: UrlFilters; pollMs: number; polls?: string[] }) {
  const polls = Object.entries(POLLS).filter(([request]) => !options.polls || options.polls.includes(request));
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
  const epoch = performance.now();
  /** How long until this tab's next slot for a poll repeating every `every` ms. */
  const untilSlot = (every: number, phase: number) => every - ((((performance.now() - epoch - phase) % every) + every) % every);

  async function runTab(index: number, stopped: AbortSignal) {
    const phase = (index * options.pollMs) / tabs.length;
    await Promise.all(
      polls.map(async ([request, { poll, pace }]) => {
        const every = options.pollMs * pace;
        for (;;) {
          await pause(untilSlot(every, phase), stopped);
          if (stopped.aborted) return;
          await timed(request, () => poll(review, tabs[index]!));
        }
      }),
    );
  }

  return {
    /** Loads each tab's page once, as opening it does. */
    async open(): Promise<void> {
      for (const tab of tabs) await timed("open /requests", () => openReview(review, tab));
    },
    /** Polls until the returned stop is awaited. */
    start(): () => Promise<void> {
      const stop = new AbortController();
      setMaxListeners(tabs.length * polls.length, stop.signal); // each of a tab's polls waits on it
      const all = Promise.all(tabs.map((_, i) => runTab(i, stop.signal)));
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
