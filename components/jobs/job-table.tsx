"use client";

import type { ReactNode } from "react";
import type { HistorySearch, SortField } from "@/lib/jobs/history-search";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../i18n/i18n-provider";
import { JobTableRow } from "./job-table-row";

type Column = { key: string; label: (f: ReturnType<typeof useI18n>["t"]["fields"]) => string; sort?: SortField };

export const COLUMNS: Column[] = [
  { key: "id", label: (f) => f.id, sort: "id" },
  { key: "name", label: (f) => f.name, sort: "template_name" },
  { key: "kind", label: (f) => f.kind, sort: "kind" },
  { key: "state", label: (f) => f.state, sort: "state" },
  { key: "user", label: (f) => f.user, sort: "user" },
  { key: "inventory", label: (f) => f.inventory, sort: "inventory_name" },
  { key: "credential", label: (f) => f.credential, sort: "credential_name" },
  { key: "project", label: (f) => f.projectPlaybook, sort: "project_name" },
  { key: "schedule", label: (f) => f.schedule, sort: "schedule_name" },
  { key: "start", label: (f) => f.start_time, sort: "start_time" },
  { key: "duration", label: (f) => f.duration, sort: "duration" },
];

export function TableFrame({ children, busy, header }: { children: ReactNode; busy?: boolean; header: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className={`w-full min-w-[1100px] text-left text-[13px] transition-opacity ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
        <caption className="sr-only">{t.history.table}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">{header}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

type Props = {
  jobs: JobRecord[];
  /** rows have a checkbox (for bulk delete): not for a viewer */
  selectable: boolean;
  ordering: string;
  onSort: (ordering: HistorySearch["ordering"]) => void;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onSelectPage: (on: boolean) => void;
  busy: boolean;
};

export function JobTable({ jobs, selectable, ordering, onSort, selected, onSelect, onSelectPage, busy }: Props) {
  return (
    <TableFrame
      busy={busy}
      header={<JobTableHeader ordering={ordering} onSort={onSort} jobs={jobs} selectable={selectable} selected={selected} onSelectPage={onSelectPage} />}
    >
      {jobs.map((job) => (
        <JobTableRow key={job.id} job={job} selectable={selectable} selected={selected.has(job.id)} onSelect={onSelect} />
      ))}
    </TableFrame>
  );
}

function JobTableHeader({
  ordering,
  onSort,
  jobs,
  selectable,
  selected,
  onSelectPage,
}: Pick<Props, "ordering" | "onSort" | "jobs" | "selectable" | "selected" | "onSelectPage">) {
  const { t } = useI18n();
  return (
    <tr className="h-10 whitespace-nowrap">
      {selectable && <SelectPageHeader jobs={jobs} selected={selected} onSelectPage={onSelectPage} />}
      {COLUMNS.map((c) => (
        <SortHeader key={c.key} label={c.label(t.fields)} field={c.sort} ordering={ordering} onSort={onSort} />
      ))}
    </tr>
  );
}

function SelectPageHeader({ jobs, selected, onSelectPage }: Pick<Props, "jobs" | "selected" | "onSelectPage">) {
  const { t } = useI18n();
  const deletable = jobs.filter((j) => j.state !== "waiting" && j.state !== "running");
  const chosen = deletable.filter((j) => selected.has(j.id)).length;
  return (
    <th scope="col" className="w-9 pl-3 pr-1">
      <input
        type="checkbox"
        className="size-4 align-middle accent-blue-700"
        aria-label={t.history.selectPage}
        disabled={deletable.length === 0}
        checked={deletable.length > 0 && chosen === deletable.length}
        ref={(el) => {
          if (el) el.indeterminate = chosen > 0 && chosen < deletable.length;
        }}
        onChange={(e) => onSelectPage(e.target.checked)}
      />
    </th>
  );
}

function SortHeader({ label, field, ordering, onSort }: { label: string; field?: SortField; ordering: string; onSort: Props["onSort"] }) {
  const { t } = useI18n();
  if (!field)
    return (
      <th scope="col" className="px-2 font-medium">
        {label}
      </th>
    );
  const dir = ordering === field ? "ascending" : ordering === `-${field}` ? "descending" : undefined;
  return (
    <th scope="col" aria-sort={dir ?? "none"} className="px-0.5 font-medium">
      <button
        type="button"
        title={t.history.sortBy(label)}
        onClick={() => onSort(dir === "ascending" ? `-${field}` : field)}
        className="inline-flex items-center gap-1 rounded px-1.5 py-1 hover:bg-slate-200/60 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {label}
        <span aria-hidden className={`w-3 text-[10px] ${dir ? "text-slate-900" : "text-slate-300"}`}>
          {dir === "ascending" ? "▲" : dir === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
