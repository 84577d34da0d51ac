"use client";

import { isLive } from "@/lib/jobs/format";
import { HOSTS_SHOWN, type HostSummary } from "@/lib/jobs/output-api";
import { ErrorState } from "../../ui/error-state";
import { useI18n } from "../../i18n/i18n-provider";
import { Panel } from "../job-field-list";
import { useHostSummaries } from "./use-output-queries";

const COUNTS = ["ok", "changed", "failures", "unreachable", "skipped", "rescued", "ignored"] as const;
const ALERT: Partial<Record<(typeof COUNTS)[number], string>> = {
  failures: "text-red-700 font-semibold",
  unreachable: "text-red-700 font-semibold",
  changed: "text-amber-700",
};

/** Ansible's recap by host, narrow enough to sit beside the output; a host's name filters the output to its lines. */
export function HostSummaryPanel({ jobId, state, host, onHost }: { jobId: number; state: string; host: string | null; onHost: (host: string | null) => void }) {
  const { t } = useI18n();
  const h = t.hostSummary;
  const query = useHostSummaries(jobId, state);

  let body;
  if (query.isError && !query.data) body = <ErrorState title={t.loadFailed} error={query.error} onRetry={() => void query.refetch()} />;
  else if (!query.data) body = <div className="h-16 animate-pulse rounded bg-slate-100" />;
  else if (query.data.count === 0) body = <p className="text-sm text-slate-500">{isLive(state) ? h.pending : h.empty}</p>;
  else
    body = (
      <>
        <div className="-mx-4 overflow-x-auto">
          <table aria-label={h.table} className="w-full min-w-[22rem] text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className="px-4 py-1.5 font-medium">
                  {h.host}
                </th>
                {COUNTS.map((k) => (
                  <th key={k} scope="col" className="px-1.5 py-1.5 text-right font-medium last:pr-4">
                    {h[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {query.data.results.map((s) => (
                <HostRow key={s.host} s={s} active={s.host === host} onHost={onHost} />
              ))}
            </tbody>
          </table>
        </div>
        {query.data.count > query.data.results.length && <p className="mt-2 text-xs text-slate-500">{h.more(HOSTS_SHOWN, query.data.count)}</p>}
      </>
    );
  return <Panel title={h.title}>{body}</Panel>;
}

function HostRow({ s, active, onHost }: { s: HostSummary; active: boolean; onHost: (host: string | null) => void }) {
  const { t } = useI18n();
  const h = t.hostSummary;
  return (
    <tr
      data-failed={s.failed || undefined}
      className={`border-b border-slate-100 last:border-0 ${s.failed ? "bg-red-50" : ""} ${active ? "outline-2 -outline-offset-2 outline-blue-500" : ""}`}
    >
      <th scope="row" className="px-4 py-1.5 text-left font-normal">
        <button
          type="button"
          onClick={() => onHost(active ? null : s.host)}
          aria-pressed={active}
          title={h.filter(s.host)}
          className={`inline-flex items-center gap-2 font-mono text-[13px] underline decoration-dotted underline-offset-2 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-blue-600 ${s.failed ? "text-red-800" : "text-blue-800"}`}
        >
          {s.host}
        </button>
        {s.failed && <span className="ml-2 rounded bg-red-600 px-1.5 py-0.5 text-[11px] font-medium text-white">{h.failed}</span>}
      </th>
      {COUNTS.map((k) => (
        <td key={k} className={`px-1.5 py-1.5 text-right last:pr-4 tabular-nums ${s[k] > 0 ? (ALERT[k] ?? "text-slate-800") : "text-slate-500"}`}>
          {s[k]}
        </td>
      ))}
    </tr>
  );
}
