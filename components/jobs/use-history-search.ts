"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useQueryStates, type Nullable } from "nuqs";
import { useEffect, useRef } from "react";
import { historyParsers, type HistorySearch } from "@/lib/jobs/history-search";

/** The history's state, read from and written to the URL (each change is a history entry). */
export function useHistorySearch() {
  useSearchParamsFollowLocation();
  return useQueryStates(historyParsers, { history: "push" });
}
export type SetHistorySearch = ReturnType<typeof useHistorySearch>[1];
/** A change of the history's state; null removes a key from the URL. */
export type HistoryUpdate = Partial<Nullable<HistorySearch>>;

/**
 * Works around a Next.js 16.4 app-router race: two quick back/forward steps (seen after a
 * reload) can leave `useSearchParams` on the first step's query while the address bar
 * shows the second. After a traversal, a mismatch is resolved in the URL's favour — looked
 * for several times, since on a busy machine the router settles later than on an idle one.
 */
const RECHECK_MS = [400, 1_000, 2_500, 5_000];

function useSearchParamsFollowLocation() {
  const router = useRouter();
  const params = useSearchParams();
  const rendered = useRef("");
  useEffect(() => {
    rendered.current = params.toString();
  }, [params]);
  useEffect(() => {
    let timers: ReturnType<typeof setTimeout>[] = [];
    const check = () => {
      if (new URLSearchParams(window.location.search).toString() !== rendered.current)
        router.replace(`${window.location.pathname}${window.location.search}`, { scroll: false });
    };
    const onPopState = () => {
      timers.forEach(clearTimeout);
      timers = RECHECK_MS.map((ms) => setTimeout(check, ms));
    };
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("popstate", onPopState);
      timers.forEach(clearTimeout);
    };
  }, [router]);
}
