"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { HttpError, postJson } from "@/lib/http/post-json";
import { useI18n } from "./locale-provider";
import type { ReviewPage, ReviewRow, ReviewSummary, SummaryAnswer, UrlFilters } from "@/lib/otp-requests/review-filters";

const LIVE_INTERVAL_MS = 5_000;
// Read from the rollups, the summary is cheap; a poll that finds nothing changed costs one indexed statement.
const SUMMARY_INTERVAL_MS = 15_000;

type Snapshot = { key: string; rows: ReviewRow[]; older: ReviewRow[]; nextCursor: string | null };

const retry = (failures: number, error: Error) => !(error instanceof HttpError && [400, 401, 403].includes(error.status)) && failures < 2;

const isNewer = (row: ReviewRow, than: ReviewRow | undefined) =>
  !than || row.createdAt > than.createdAt || (row.createdAt === than.createdAt && row.id > than.id);

/**
 * The review's rows, kept live: the newest page is polled every 5 s while the tab is visible. Rows already on screen
 * update in place; rows that arrived since are counted, and shown only when the reader asks.
 */
export function useLiveRequests(args: { filters: UrlFilters; mobile?: string; initialPage?: ReviewPage }) {
  const { filters, mobile, initialPage } = args;
  const body = { filters, mobile };
  const key = JSON.stringify(body);
  const { t } = useI18n();
  const statusSentence = (status: number) => t("api.status", { status });

  const live = useQuery({
    queryKey: ["requests", "newest", body],
    queryFn: ({ signal }) => postJson<ReviewPage>("/api/requests", body, statusSentence, signal),
    initialData: initialPage,
    refetchInterval: LIVE_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_INTERVAL_MS - 1_000,
    retry,
  });
  const queryClient = useQueryClient();
  const summaryKey = ["requests", "summary", body];
  const summary = useQuery({
    queryKey: summaryKey,
    // The summary held is sent back by version: when nothing it counts has changed, the server says so and it stays.
    queryFn: async ({ signal }) => {
      const held = queryClient.getQueryData<ReviewSummary>(summaryKey);
      const answer = await postJson<SummaryAnswer>("/api/requests/summary", { ...body, knownVersion: held?.version }, statusSentence, signal);
      return "unchanged" in answer && held ? held : (answer as ReviewSummary);
    },
    refetchInterval: SUMMARY_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: SUMMARY_INTERVAL_MS - 1_000,
    retry,
  });

  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  // A new filter starts from whatever the newest page says (state derived during render, as React recommends).
  let current = snapshot?.key === key ? snapshot : null;
  if (!current && live.data) {
    current = { key, rows: live.data.rows, older: [], nextCursor: live.data.nextCursor };
    setSnapshot(current);
  }

  const fresh = new Map((live.data?.rows ?? []).map((row) => [row.id, row]));
  const rows = current ? [...current.rows, ...current.older].map((row) => fresh.get(row.id) ?? row) : [];
  const newCount = current && live.data ? live.data.rows.filter((row) => isNewer(row, current.rows[0])).length : 0;

  function showNew() {
    if (live.data) setSnapshot({ key, rows: live.data.rows, older: [], nextCursor: live.data.nextCursor });
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
