"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { HttpError, postJson } from "@/lib/http/post-json";
import { liveRowsFromPage, mergeChanges, shownRows, type LiveRow, type LiveRows } from "@/lib/ledger/live-rows";
import type { TransferReviewRow } from "@/lib/transfers/review";
import type { TransferFilters } from "@/lib/transfers/review-filters";
import type { TransfersLive } from "@/lib/transfers/review-live";
import { useI18n } from "./locale-provider";

/** As often as the requests' review polls: a transfer that needs a person shows up without a reload. */
const LIVE_INTERVAL_MS = 5_000;
/** Ages in the attention list are in minutes: the board is read afresh at least this often. */
const BOARD_AT_LEAST_EVERY_MS = 60_000;

/** What the browser holds: the rows merged poll by poll, and the board with the version and time it was read at. */
type Held = { rows: LiveRows<TransferReviewRow>; version: string; board: NonNullable<TransfersLive["board"]>; boardAt: number };

const retry = (failures: number, error: Error) => !(error instanceof HttpError && [400, 401, 403].includes(error.status)) && failures < 2;

/** The answer folded into what is held; null when the rows must start again from the newest page. */
function fold(held: Held | undefined, answer: TransfersLive): Held | null {
  const rows = answer.rows.kind === "page" ? liveRowsFromPage(answer.rows) : held ? mergeChanges(held.rows, answer.rows) : null;
  const board = answer.board ?? held?.board;
  if (!rows || !board) return null;
  return { rows, version: answer.version, board, boardAt: answer.board ? Date.now() : (held?.boardAt ?? 0) };
}

/**
 * The transfers' review kept live without drawing the page again: every 5 s while the tab is visible it asks for the
 * rows changed since the last poll, and for the attention list and totals only when a transfer changed (or a minute
 * passed). New rows wait behind a count until the reader asks, as in the requests' review.
 */
export function useLiveTransfers(filters: TransferFilters, initial: TransfersLive) {
  const { t } = useI18n();
  const statusSentence = (status: number) => t("api.status", { status });
  const queryClient = useQueryClient();
  const key = ["transfers", "live", filters];
  const live = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<Held> => {
      const held = queryClient.getQueryData<Held>(key);
      const knownVersion = held && Date.now() - held.boardAt < BOARD_AT_LEAST_EVERY_MS ? held.version : undefined;
      const ask = (since?: string) => postJson<TransfersLive>("/api/transfers", { filters, since, knownVersion }, statusSentence, signal);
      const folded = fold(held, await ask(held?.rows.since));
      if (folded) return folded;
      const afresh = fold(undefined, await postJson<TransfersLive>("/api/transfers", { filters }, statusSentence, signal));
      if (!afresh) throw new Error(statusSentence(500));
      return afresh;
    },
    initialData: () => fold(undefined, initial) ?? undefined,
    refetchInterval: LIVE_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: LIVE_INTERVAL_MS - 1_000,
    retry,
  });

  // The newest row the reader has been shown, per filter (state derived during render, as React recommends).
  const filterKey = JSON.stringify(filters);
  const [seen, setSeen] = useState<{ key: string; top: LiveRow | undefined } | null>(null);
  let top = seen?.key === filterKey ? seen : null;
  if (!top && live.data) {
    top = { key: filterKey, top: live.data.rows.rows[0] };
    setSeen(top);
  }
  const { rows, newCount } = live.data && top ? shownRows(live.data.rows, top.top, []) : { rows: [], newCount: 0 };
  return {
    rows,
    newCount,
    showNew: () => live.data && setSeen({ key: filterKey, top: live.data.rows.rows[0] }),
    board: live.data?.board ?? initial.board,
    error: live.error,
  };
}
