"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { postJson, retryUnlessRefused } from "@/lib/http/post-json";
import { useI18n } from "./locale-provider";
import { LIVE_ROWS_EVERY_MS, LIVE_SUMMARY_EVERY_MS, liveRowsFromPage, pollLiveRows, shownRows, type LiveRows } from "@/lib/ledger/live-rows";
import type { ReviewChanges, ReviewPage, ReviewRow, ReviewSummary, SummaryAnswer, UrlFilters } from "@/lib/otp-requests/review-filters";

/** The newest row the reader has been shown (rows after it wait behind "new requests"), and the older pages loaded. */
type Snapshot = { key: string; top: ReviewRow | undefined; older: ReviewRow[]; nextCursor: string | null };

/**
 * The review's rows, kept live: every 5 s while the tab is visible the poll asks for what changed since the last one
 * and merges it in. Rows already on screen update in place; rows that arrived since are counted, and shown only when
 * the reader asks.
 */
export function useLiveRequests(args: { filters: UrlFilters; mobile?: string; initialPage?: ReviewPage }) {
  const { filters, mobile, initialPage } = args;
  const body = { filters, mobile };
  const key = JSON.stringify(body);
  const { t } = useI18n();
  const statusSentence = (status: number) => t("api.status", { status });

  const queryClient = useQueryClient();
  const liveKey = ["requests", "newest", body];
  const live = useQuery({
    queryKey: liveKey,
    queryFn: async ({ signal }): Promise<LiveRows<ReviewRow>> => {
      return pollLiveRows(
        queryClient.getQueryData<LiveRows<ReviewRow>>(liveKey),
        (since) => postJson<ReviewChanges>("/api/requests", { ...body, since }, statusSentence, signal),
        () => postJson<ReviewPage>("/api/requests", body, statusSentence, signal),
      );
    },
    initialData: initialPage ? liveRowsFromPage(initialPage) : undefined,
    refetchInterval: LIVE_ROWS_EVERY_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_ROWS_EVERY_MS - 1_000,
    retry: retryUnlessRefused,
  });
  const summaryKey = ["requests", "summary", body];
  const summary = useQuery({
    queryKey: summaryKey,
    // The summary held is sent back by version: when nothing it counts has changed, the server says so and it stays.
    queryFn: async ({ signal }) => {
      const held = queryClient.getQueryData<ReviewSummary>(summaryKey);
      const answer = await postJson<SummaryAnswer>("/api/requests/summary", { ...body, knownVersion: held?.version }, statusSentence, signal);
      return "unchanged" in answer && held ? held : (answer as ReviewSummary);
    },
    refetchInterval: LIVE_SUMMARY_EVERY_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_SUMMARY_EVERY_MS - 1_000,
    retry: retryUnlessRefused,
  });

  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  // A new filter starts from whatever the newest page says (state derived during render, as React recommends).
  let current = snapshot?.key === key ? snapshot : null;
  if (!current && live.data) {
    current = { key, top: live.data.rows[0], older: [], nextCursor: live.data.nextCursor };
    setSnapshot(current);
  }

  const { rows, newCount } = current && live.data ? shownRows(live.data, current.top, current.older) : { rows: [], newCount: 0 };

  function showNew() {
    if (current && live.data) setSnapshot({ ...current, top: live.data.rows[0] });
  }

  async function loadOlder() {
    if (!current?.nextCursor || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await postJson<ReviewPage>("/api/requests", { ...body, cursor: current.nextCursor }, statusSentence);
      setSnapshot({ ...current, older: [...current.older, ...page.rows], nextCursor: page.nextCursor });
    } catch (error) {
      setOlderError(error instanceof Error ? error.message : t("requests.olderFailed"));
    } finally {
      setLoadingOlder(false);
    }
  }

  return {
    rows,
    newCount,
    hasMore: Boolean(current?.nextCursor),
    showNew,
    loadOlder,
    loadingOlder,
    olderError,
    loading: live.isPending,
    error: live.error ?? summary.error,
    summary: summary.data,
  };
}
