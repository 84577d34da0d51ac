"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { historyHref } from "@/lib/jobs/history-search";
import { fetchJobPage } from "@/lib/jobs/job-api";
import { useI18n } from "../i18n/i18n-provider";
import { JobDuration } from "../jobs/job-duration";
import { StateBadge } from "../jobs/state-badge";

const STATES = ["pending", "waiting", "running"] as const;
const QUERY = new URLSearchParams({ state__in: STATES.join(","), ordering: "-id", limit: "8" });
const REFRESH_MS = 5_000;

/** The jobs queued, waiting or running now, newest first (a few; the history lists them all). */
export function RunningNow() {
  const { t } = useI18n();
  const d = t.dashboard;
  const list = useQuery({ queryKey: ["jobs", "running-now"], queryFn: ({ signal }) => fetchJobPage(QUERY, signal), refetchInterval: REFRESH_MS });
  const jobs = list.data?.results ?? [];
  return (
    <section className="rounded-md border border-slate-200 bg-white" aria-labelledby="running-now-title" data-testid="running-now">
      <div className="flex items-baseline justify-between border-b border-slate-100 px-4 py-2">
        <h2 id="running-now-title" className="text-sm font-semibold text-slate-800">
          {d.running}
        </h2>
        {list.data && list.data.count > 0 && (
          <Link href={historyHref({ state: [...STATES] })} className="text-xs text-blue-700 hover:underline">
            {d.allRunning(list.data.count)}
          </Link>
        )}
      </div>
      {list.data && jobs.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{d.noneRunning}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {jobs.map((job) => (
            <li key={job.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
              <Link href={`/jobs/${job.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
                #{job.id} {job.template_name ?? job.module ?? ""}
              </Link>
              <span className="flex shrink-0 items-center gap-2 text-slate-600">
                <JobDuration job={job} />
                <StateBadge state={job.state} name={job.state_name} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
