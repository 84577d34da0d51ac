"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

const KEY = "zuoye.history-url";
const HISTORY = "/jobs";

/** Only the history itself, with its filters, is a place to go back to. */
const isHistoryUrl = (url: string | null): url is string => url !== null && (url === HISTORY || url.startsWith(`${HISTORY}?`));

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps the history's address (its filters, sort and page) for this tab, for the way back from a job. */
export function useRememberHistoryUrl() {
  const query = useSearchParams().toString();
  useEffect(() => {
    try {
      window.sessionStorage.setItem(KEY, query ? `${HISTORY}?${query}` : HISTORY);
    } catch {
      // storage refused: the way back is the unfiltered history
    }
  }, [query]);
}

const noSubscription = () => () => {};

/** Where "back to the job history" goes: the history as this tab last showed it, else `/jobs`. */
export function useHistoryReturnUrl(): string {
  return useSyncExternalStore(
    noSubscription,
    () => {
      const stored = readStored();
      return isHistoryUrl(stored) ? stored : HISTORY;
    },
    () => HISTORY,
  );
}
