"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { postJson, retryUnlessRefused } from "@/lib/http/post-json";
import {
  LIVE_AGES_EVERY_MS,
  LIVE_ROWS_EVERY_MS,
  LIVE_SUMMARY_EVERY_MS,
  liveRowsFromPage,
  pollLiveRows,
  shownRows,
  type LiveRow,
  type LiveRows,
} from "@/lib/ledger/live-rows";
import type { TransferReviewRow } from "@/lib/transfers/review";
import type { TransferFilters } from "@/lib/transfers/review-filters";
import type { BoardAnswer, TransferRows, TransfersBoard } from "@/lib/transfers/review-live";
import { useI18n } from "./locale-provider";

type Rows = LiveRows<TransferReviewRow>;
/** The board held, and when it was read (its ages are read afresh once a minute, changed or not). */
type HeldBoard = TransfersBoard & { readAt: number };

/**
 * The transfers' review kept live without drawing the page again, as the requests' review is: every 5 s while the tab
 * is visible the rows changed since the last poll are merged in (new ones wait behind a count until the reader asks),
 * and every 15 s the attention list and totals are asked for with the version held, coming back only if it moved.
 */
export function useLiveTransfers(filters: TransferFilters, initial: { rows: TransferRows; board: TransfersBoard }) {
  const { t } = useI18n();
  const statusSentence = (status: number) => t("api.status", { status });
  const queryClient = useQueryClient();

  const rowsKey = ["transfers", "rows", filters];
  const rows = useQuery({
    queryKey: rowsKey,
    queryFn: async ({ signal }): Promise<Rows> => {
      const ask = (since?: string) => postJson<TransferRows>("/api/transfers", { filters, since }, statusSentence, signal);
      return pollLiveRows(queryClient.getQueryData<Rows>(rowsKey), ask, async () => {
        const page = await ask();
        if (page.kind !== "page") throw new Error(statusSentence(500));
        return page;
      });
    },
    initialData: initial.rows.kind === "page" ? liveRowsFromPage(initial.rows) : undefined,
    refetchInterval: LIVE_ROWS_EVERY_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_ROWS_EVERY_MS - 1_000,
    retry: retryUnlessRefused,
  });

  const boardKey = ["transfers", "board", filters];
  const board = useQuery({
    queryKey: boardKey,
    queryFn: async ({ signal }): Promise<HeldBoard> => {
      const held = queryClient.getQueryData<HeldBoard>(boardKey);
      const knownVersion = held && Date.now() - held.readAt < LIVE_AGES_EVERY_MS ? held.version : undefined;
      const answer = await postJson<BoardAnswer>("/api/transfers/board", { filters, knownVersion }, statusSentence, signal);
      if (!("unchanged" in answer)) return { ...answer, readAt: Date.now() };
      // A version is sent only with a board held, so `unchanged` always has one to keep.
      if (held) return held;
      throw new Error(statusSentence(500));
    },
    initialData: () => ({ ...initial.board, readAt: Date.now() }),
    refetchInterval: LIVE_SUMMARY_EVERY_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_SUMMARY_EVERY_MS - 1_000,
    retry: retryUnlessRefused,
  });

  // The newest row the reader has been shown, per filter (state derived during render, as React recommends).
  const filterKey = JSON.stringify(filters);
  const [seen, setSeen] = useState<{ key: string; top: LiveRow | undefined } | null>(null);
  let top = seen?.key === filterKey ? seen : null;
  if (!top && rows.data) {
    top = { key: filterKey, top: rows.data.rows[0] };
    setSeen(top);
  }
  const shown = rows.data && top ? shownRows(rows.data, top.top, []) : { rows: [], newCount: 0 };
  return {
    rows: shown.rows,
    newCount: shown.newCount,
    showNew: () => {
      if (rows.data) setSeen({ key: filterKey, top: rows.data.rows[0] });
    },
    board: board.data,
    error: rows.error ?? board.error,
  };
}
