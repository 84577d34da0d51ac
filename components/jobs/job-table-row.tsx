"use client";

import Link from "next/link";
import { isDeletable, jobTitle } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n, useJobLabels } from "../i18n/i18n-provider";
import { LocalTime } from "../ui/local-time";
import { CancelJobButton } from "./cancel-job-button";
import { JobDuration } from "./job-duration";
import { QueuePlace } from "./queue-place";
import { StateBadge } from "./state-badge";

function Cell({ text, className = "max-w-32" }: { text: string | null; className?: string }) {
  const { t } = useI18n();
  if (!text) return <td className="px-2 text-slate-500">{t.none}</td>;
  return (
    <td className={`truncate px-2 ${className}`} title={text}>
      {text}
    </td>
  );
}

export function JobTableRow({
  job,
  selectable,
  selected,
  onSelect,
}: {
  job: JobRecord;
  selectable: boolean;
  selected: boolean;
  onSelect: (id: number, on: boolean) => void;
}) {
  const { t } = useI18n();
  const labels = useJobLabels();
  const deletable = isDeletable(job.state);
  const title = jobTitle(job);
  const inventory = job.inventory_name ?? (job.inventory_str ? `${t.fields.inventory_str}: ${job.inventory_str.replace(/\s+/g, " ")}` : null);
  const project = [job.project_name, job.playbook].filter(Boolean).join(" / ") || null;
  return (
    <tr className={`h-11 whitespace-nowrap border-t border-slate-100 ${selected ? "bg-blue-50/60" : "hover:bg-slate-50"}`}>
      {selectable && (
        <td className="w-9 pl-3 pr-1">
          <input
            type="checkbox"
            className="size-4 align-middle accent-blue-700 disabled:cursor-not-allowed"
            aria-label={t.history.selectRow(job.id)}
            title={deletable ? undefined : t.history.notSelectable}
            disabled={!deletable}
            checked={selected && deletable}
            onChange={(e) => onSelect(job.id, e.target.checked)}
          />
        </td>
      )}
      <td className="px-2 tabular-nums text-slate-600">{job.id}</td>
      <td className="max-w-48 truncate px-2" title={title}>
        <Link
          href={`/jobs/${job.id}`}
          prefetch={false}
          className="font-medium text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {title}
        </Link>
      </td>
      <Cell text={labels.kind(job.kind, job.kind_name)} className="" />
      <td className="px-2">
        <span className="inline-flex items-center gap-1">
          <StateBadge state={job.state} name={job.state_name} />
          <QueuePlace job={job} compact />
          <CancelJobButton job={job} compact />
        </span>
      </td>
      <Cell text={job.user} className="max-w-24" />
      <Cell text={inventory} />
      <Cell text={job.credential_name} className="max-w-28" />
      <Cell text={project} className="max-w-48" />
      <Cell text={job.schedule_name} className="max-w-28" />
      <td className="px-2">
        <LocalTime value={job.start_time} />
      </td>
      <td className="px-2 pr-3">
        <JobDuration job={job} />
      </td>
    </tr>
  );
}
