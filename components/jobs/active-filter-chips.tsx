"use client";

import type { HistorySearch } from "@/lib/jobs/history-search";
import { useI18n } from "../i18n/i18n-provider";
import type { HistoryUpdate } from "./use-history-search";
import { useReferenceName } from "./use-job-queries";

type Set = (values: HistoryUpdate) => void;

/** Filters reached by links (project, user, re-runs of a job) that have no control of their own. */
export function ActiveFilterChips({ search, set, userName }: { search: HistorySearch; set: Set; userName: string | null }) {
  const { t } = useI18n();
  const project = useReferenceName("project", search.project);
  const chips: { key: "project" | "cuser" | "job"; label: string }[] = [];
  if (search.project !== null) chips.push({ key: "project", label: `${t.fields.project}: ${project.data ?? `#${search.project}`}` });
  if (search.cuser !== null) chips.push({ key: "cuser", label: `${t.fields.user}: ${userName ?? t.filters.user(search.cuser)}` });
  if (search.job !== null) chips.push({ key: "job", label: t.filters.rerunsOf(search.job) });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2">
      {chips.map((c) => (
        <li key={c.key} className="inline-flex h-8 items-center gap-1 rounded-full bg-blue-50 pl-3 pr-1 text-sm text-blue-900 ring-1 ring-blue-200">
          {c.label}
          <button
            type="button"
            aria-label={t.filters.remove(c.label)}
            onClick={() => set({ [c.key]: null })}
            className="rounded-full px-1.5 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
