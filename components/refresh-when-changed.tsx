"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

type Props = {
  /** Answers `{ version }`: a fingerprint of what the page shows. */
  versionUrl: string;
  /** The fingerprint the page was drawn with. */
  version: string;
  everyMs: number;
  /** What time alone changes (how long something has waited) is drawn again at least this often. */
  atLeastEveryMs: number;
};

async function fetchVersion(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { version: string }).version;
}

/**
 * Keeps a server-rendered page current without drawing it again for nothing: while the tab is in view it asks every
 * `everyMs` whether anything changed, and only then has its server components drawn again (keeping what the person
 * typed or opened on the page).
 */
export function RefreshWhenChanged({ versionUrl, version, everyMs, atLeastEveryMs }: Props) {
  const router = useRouter();
  const drawnAt = useRef(0);
  const { data: latest, dataUpdatedAt } = useQuery({
    queryKey: ["page-version", versionUrl],
    queryFn: ({ signal }) => fetchVersion(versionUrl, signal),
    refetchInterval: everyMs,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  useEffect(() => {
    drawnAt.current = Date.now();
  }, [version]);
  useEffect(() => {
    if (latest === undefined) return;
    if (latest !== version || Date.now() - drawnAt.current >= atLeastEveryMs) {
      drawnAt.current = Date.now();
      router.refresh();
    }
  }, [latest, dataUpdatedAt, version, atLeastEveryMs, router]);
  return null;
}
