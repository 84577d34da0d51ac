"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { fetchHostByName, fetchHostResults } from "@/lib/hosts/host-api";
import type { HostResult } from "@/lib/contracts/host";
import { historyHref } from "@/lib/jobs/history-search";
import { Pager } from "../catalog/list/pager";
import { StateBadge } from "../jobs/state-badge";
import { ErrorState } from "../ui/error-state";
import { LocalTime } from "../ui/local-time";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";
import { HostStatusBadge } from "./host-status-badge";

const PAGE_SIZE = 20;

/** A host's page: each job that reached it, newest first, with the host's own result there. */
export function HostTimeline({ name }: { name: string }) {
  const { t } = useI18n();
  const h = t.hosts;
  const [page, setPage] = useState(1);
  const host = useQuery({ queryKey: ["hosts", "by-name", name], queryFn: ({ signal }) => fetchHostByName(name, signal) });
  const id = host.data?.id;
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (page > 1) q.set("offset", String((page - 1) * PAGE_SIZE));
  const results = useQuery({
    queryKey: ["hosts", "results", id, q.toString()],
    queryFn: ({ signal }) => fetchHostResults(id!, q, signal),
    enabled: id !== undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="space-y-3">
      <Link href="/hosts" className="inline-block text-sm text-blue-800 hover:underline">
        {h.back}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all font-mono text-xl font-semibold">{name}</h1>
        {host.data && <HostStatusBadge status={host.data.last_status} />}
        {host.data && (
          <Link href={historyHref({ host: name })} className="ml-auto text-sm text-blue-800 hover:underline">
            {h.allJobs} ({h.jobsOf(host.data.jobs)})
          </Link>
        )}
      </div>
      {host.isError || results.isError ? (
        <ErrorState
          title={h.loadFailed}
          error={host.error ?? results.error}
          onRetry={() => void (host.isError ? host.refetch() : results.refetch())}
          retrying={host.isFetching || results.isFetching}
        />
      ) : host.data === null ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-12 text-center font-medium text-slate-800">{h.notFound(name)}</p>
      ) : !results.data ? (
        <p className="flex items-center gap-2 py-8 text-sm text-slate-500">
          <Spinner /> {t.loading}
        </p>
      ) : (
        <section aria-label={h.timeline} className="space-y-3">
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className={`w-full text-left text-sm ${results.isPlaceholderData ? "opacity-60" : ""}`}>
              <caption className="sr-only">{h.timelineTable(name)}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {[h.job, h.hostStatus, h.tasks, h.jobState, h.started].map((label) => (
                    <th key={label} scope="col" className="px-3 py-2 font-medium">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {results.data.results.map((r) => (
                  <ResultRow key={r.job} host={name} result={r} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={Math.max(1, Math.ceil(results.data.count / PAGE_SIZE))} onPage={setPage} />
        </section>
      )}
    </div>
  );
}

function ResultRow({ host, result: r }: { host: string; result: HostResult }) {
  const { t } = useI18n();
  const h = t.hosts;
  return (
    <tr className="border-t border-slate-100 align-top">
      <th scope="row" className="px-3 py-2.5 text-left font-normal">
        <Link href={`/jobs/${r.job}`} className="font-medium text-blue-800 hover:underline">
          #{r.job}
        </Link>
        <p className="text-xs text-slate-600">{r.template_name ?? (r.kind === "adhoc" ? r.module : r.playbook)}</p>
        <Link href={`/jobs/${r.job}?host=${encodeURIComponent(host)}#job-output`} className="text-xs text-blue-800 hover:underline">
          {h.hostLines}
        </Link>
      </th>
      <td className="px-3 py-2.5">
        <HostStatusBadge status={r.status} />
        <p className="mt-1 font-mono text-[12px] text-slate-500">{h.countsText(r)}</p>
      </td>
      <td className="max-w-md px-3 py-2.5 text-xs">
        {r.first_failed_task && (
          <p className="text-red-800">
            <span className="font-medium">{h.firstFailure}:</span> {r.first_failed_task}
            {r.first_failed_message && <span className="block break-words text-red-700">{r.first_failed_message}</span>}
          </p>
        )}
        {r.failed_tasks.length > 0 && (
          <p className="mt-1">
            <span className="font-medium text-red-800">{h.failedTasks}:</span> {r.failed_tasks.join("、")}
          </p>
        )}
        {r.changed_tasks.length > 0 && (
          <p className="mt-1">
            <span className="font-medium text-amber-800">{h.changedTasks}:</span> {r.changed_tasks.join("、")}
          </p>
        )}
      </td>
      <td className="px-3 py-2.5">
        <StateBadge state={r.job_state} />
      </td>
      <td className="whitespace-nowrap px-3 py-2.5">
        <LocalTime value={r.start_time} />
      </td>
    </tr>
  );
}
