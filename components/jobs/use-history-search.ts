"use client";

import { useQueryStates, type Nullable } from "nuqs";
import { historyParsers, type HistorySearch } from "@/lib/jobs/history-search";

/** The history's state, read from and written to the URL (each change is a history entry). */
export const useHistorySearch = () => useQueryStates(historyParsers, { history: "push" });
export type SetHistorySearch = ReturnType<typeof useHistorySearch>[1];
/** A change of the history's state; null removes a key from the URL. */
export type HistoryUpdate = Partial<Nullable<HistorySearch>>;
