"use client";

import Link from "next/link";
import { isDeletable, jobTitle } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n, useJobLabels } from "../i18n/i18n-provider";
import { LocalTime } from "../ui/local-time";
import { JobDuration } from "./job-duration";
import { QueuePlace } from "./queue-place";
import { StateBadge } from "./state-badge";

type Props = { jobs: JobRecord[]; selectable: boolean; selected: ReadonlySet<number>; onSelect: (id: number, on: boolean) => void; busy: boolean };

/** The history at phone width: one card per job instead of a twelve-column table. */
export function JobCardList({ jobs, selectable, selected, onSelect, busy }: Props) {
  const { t } = useI18n();
  const labels = useJobLabels();
  return (
    <ul
      aria-label={t.history.table}
      aria-busy={busy}
      className={`divide-y divide-slate-100 rounded-md border border-slate-200 bg-white transition-opacity ${busy ? "opacity-60" : ""}`}
    >
      {jobs.map((job) => {
        const deletable = isDeletable(job.state);
        const refs = [
          job.inventory_name ?? (job.inventory_str ? t.fields.inventory_str : null),
          job.credential_name,
          [job.project_name, job.playbook].filter(Boolean).join(" / "),
          job.schedule_name,
        ].filter(Boolean);
        return (
          <li key={job.id} className="flex gap-3 px-3 py-2.5 text-sm">
            {selectable && (
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-blue-700"
                aria-label={t.history.selectRow(job.id)}
                disabled={!deletable}
                checked={selected.has(job.id) && deletable}
                onChange={(e) => onSelect(job.id, e.target.checked)}
              />
            )}
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex items-center gap-2">
                <span className="tabular-nums text-slate-500">#{job.id}</span>
                <Link href={`/jobs/${job.id}`} prefetch={false} className="min-w-0 flex-1 truncate font-medium text-blue-800">
                  {jobTitle(job)}
                </Link>
                <StateBadge state={job.state} name={job.state_name} />
                <QueuePlace job={job} compact />
              </div>
              <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                <span>{labels.kind(job.kind, job.kind_name)}</span>
                <span>{job.user}</span>
                <LocalTime value={job.start_time} />
                <JobDuration job={job} />
              </p>
              {refs.length > 0 && <p className="truncate text-xs text-slate-500">{refs.join(" · ")}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
