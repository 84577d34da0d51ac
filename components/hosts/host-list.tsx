"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { fetchHosts, hostHref } from "@/lib/hosts/host-api";
import { HOST_STATUSES, type HostStatus } from "@/lib/jobs/enums";
import { historyHref } from "@/lib/jobs/history-search";
import { Pager } from "../catalog/list/pager";
import { EmptyState, QueryState } from "../ui/query-state";
import { inputClass } from "../ui/form-field";
import { LocalTime } from "../ui/local-time";
import { SelectField } from "../ui/select-field";
import { Spinner } from "../ui/spinner";
import { usePagedSearch } from "../ui/use-paged-search";
import { useI18n } from "../i18n/i18n-provider";
import { HostStatusBadge } from "./host-status-badge";

const PAGE_SIZE = 50;

/** Every host a job has reached: its newest job and its own status there, newest first; search and a status filter. */
export function HostList() {
  const { t } = useI18n();
  const h = t.hosts;
  const searchId = useId();
  const [status, setStatus] = useState<HostStatus | "">("");
  const { search, changeSearch, page, setPage, deferred, query, pageCount } = usePagedSearch({ ordering: "-last_seen", pageSize: PAGE_SIZE });
  const q = new URLSearchParams(query);
  if (status) q.set("last_status", status);
  const list = useQuery({ queryKey: ["hosts", "list", q.toString()], queryFn: ({ signal }) => fetchHosts(q, signal), placeholderData: keepPreviousData });
  const rows = list.data?.results ?? [];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{h.title}</h1>
        {list.isPlaceholderData && list.isFetching && <Spinner label={t.updating} />}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-80">
          <label htmlFor={searchId} className="mb-1 block text-xs font-medium text-slate-600">
            {h.search}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={h.searchPlaceholder}
            onChange={(e) => changeSearch(e.target.value)}
            className={inputClass}
          />
        </div>
        <div className="w-40">
          <SelectField
            label={h.statusFilter}
            value={status}
            anyLabel={h.any}
            options={HOST_STATUSES.map((s) => ({ value: s, label: h.status[s] }))}
            onChange={(v) => {
              setStatus(v as HostStatus | "");
              setPage(1);
            }}
          />
        </div>
        <p className="pb-2 text-sm text-slate-600" aria-live="polite" data-testid="host-count">
          {list.data ? h.count(list.data.count) : "\u00a0"}
        </p>
      </div>
      <QueryState
        query={list}
        errorTitle={h.loadFailed}
        isEmpty={() => rows.length === 0}
        empty={<EmptyState>{deferred || status ? h.emptySearch : h.empty}</EmptyState>}
      >
        {() => (
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className={`w-full text-left text-sm ${list.isPlaceholderData ? "opacity-60" : ""}`}>
              <caption className="sr-only">{h.table}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {[h.name, h.lastStatus, h.lastJob, h.lastSeen, h.jobs].map((label) => (
                    <th key={label} scope="col" className="px-3 py-2 font-medium">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((host) => (
                  <tr key={host.id} className="border-t border-slate-100 hover:bg-slate-50/60">
                    <th scope="row" className="px-3 py-2.5 text-left font-normal">
                      <Link href={hostHref(host.name)} className="font-mono text-[13px] font-medium text-blue-800 hover:underline">
                        {host.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2.5">
                      <HostStatusBadge status={host.last_status} />
                    </td>
                    <td className="px-3 py-2.5">
                      <Link href={`/jobs/${host.last_job}?host=${encodeURIComponent(host.name)}`} className="text-blue-800 hover:underline">
                        #{host.last_job}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2.5">
                      <LocalTime value={host.last_seen} />
                    </td>
                    <td className="px-3 py-2.5 tabular-nums">
                      <Link href={historyHref({ host: host.name })} className="text-blue-800 hover:underline">
                        {h.jobsOf(host.jobs)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <Pager page={page} pages={pageCount(list.data?.count)} onPage={setPage} />
    </div>
  );
}
