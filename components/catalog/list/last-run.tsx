"use client";

import Link from "next/link";
import { StateBadge } from "../../jobs/state-badge";
import { LocalTime } from "../../ui/local-time";
import { useCatalogText } from "../use-catalog-text";

type LastJob = { last_job: number | null; last_job_state: string | null; last_job_time: number | null };

/** A template's or schedule's newest job: its state, linked to it, and when (relative on hover); "never run" without one. */
export function LastRun({ record, inline = false }: { record: LastJob; inline?: boolean }) {
  const { c } = useCatalogText();
  if (record.last_job === null || record.last_job_state === null) return <span className="text-slate-500">{c.common.neverRun}</span>;
  return (
    <span className={`inline-flex gap-x-2 gap-y-0.5 ${inline ? "flex-wrap items-center" : "flex-col items-start"}`} data-testid="last-run">
      <Link
        href={`/jobs/${record.last_job}`}
        title={c.common.lastRunOf(record.last_job)}
        className="inline-flex items-center gap-1.5 text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <StateBadge state={record.last_job_state} />
        <span className="text-xs tabular-nums">#{record.last_job}</span>
      </Link>
      <span className="whitespace-nowrap text-xs text-slate-500">
        <LocalTime value={record.last_job_time} />
      </span>
    </span>
  );
}
