"use client";

import Link from "next/link";
import { useMemo } from "react";
import { historyHref } from "@/lib/jobs/history-search";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { useI18n } from "../i18n/i18n-provider";
import { Panel } from "./job-field-list";
import { StateBadge } from "./state-badge";
import { useJobList } from "./use-job-queries";

const SHOWN = 10;

/** The jobs that re-ran this one (`?job=<id>`), newest first. */
export function JobReruns({ jobId }: { jobId: number }) {
  const { t } = useI18n();
  const query = useMemo(() => new URLSearchParams({ job: String(jobId), limit: String(SHOWN), ordering: "-id" }), [jobId]);
  const list = useJobList(query);

  let body;
  if (list.isError && !list.data) body = <ErrorState title={t.loadFailed} error={list.error} onRetry={() => void list.refetch()} />;
  else if (!list.data) body = <div className="h-16 animate-pulse rounded bg-slate-100" />;
  else if (list.data.count === 0) body = <p className="text-sm text-slate-500">{t.detail.rerunsEmpty}</p>;
  else
    body = (
      <>
        <ul className="divide-y divide-slate-100">
          {list.data.results.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link href={`/jobs/${j.id}`} className="font-medium text-blue-800 hover:underline">
                {t.detail.rerunOf(j.id)}
              </Link>
              <span className="flex items-center gap-2">
                <StateBadge state={j.state} name={j.state_name} />
                <span className="text-xs text-slate-500">
                  <LocalTime value={j.start_time ?? j.ctime} />
                </span>
              </span>
            </li>
          ))}
        </ul>
        <Link href={historyHref({ job: jobId })} className="mt-2 inline-block text-sm text-blue-800 underline decoration-blue-300 underline-offset-2">
          {t.detail.rerunsMore(list.data.count)}
        </Link>
      </>
    );
  return <Panel title={t.detail.reruns}>{body}</Panel>;
}
