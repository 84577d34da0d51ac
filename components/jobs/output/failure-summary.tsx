"use client";

import { hostFailureLine } from "@/lib/jobs/failure-lines";
import { isLive } from "@/lib/jobs/format";
import { lineAnchor } from "@/lib/jobs/line-anchor";
import type { HostSummary } from "@/lib/jobs/output-api";
import { HostStatusBadge } from "../../hosts/host-status-badge";
import { useI18n } from "../../i18n/i18n-provider";
import type { FailureMap } from "./use-failure-lines";
import { useHostSummaries } from "./use-output-queries";

type Props = { jobId: number; state: string; map: FailureMap | undefined; onLine: (line: number) => void };

/**
 * A job that did not succeed, failures first: each failed or unreachable host with the
 * task it first failed in and why, linked to that line of the output.
 */
export function FailureSummary({ jobId, state, map, onLine }: Props) {
  const { t } = useI18n();
  const f = t.failures;
  const hosts = useHostSummaries(jobId, state).data?.results.filter((s) => s.status === "failed" || s.status === "unreachable") ?? [];
  if (isLive(state) || state === "successful" || hosts.length === 0) return null;
  return (
    <section aria-labelledby="failure-summary-title" data-testid="failure-summary" className="rounded-md border border-red-200 bg-red-50/60">
      <h2 id="failure-summary-title" className="border-b border-red-100 px-4 py-2 text-sm font-semibold text-red-900">
        {f.title(hosts.length)}
      </h2>
      <ul className="max-h-72 divide-y divide-red-100 overflow-y-auto">
        {hosts.map((s) => (
          <HostFailure key={s.host} s={s} line={map ? hostFailureLine(s.host, s.first_failed_task, map.failures, map.banners) : undefined} onLine={onLine} />
        ))}
      </ul>
    </section>
  );
}

function HostFailure({ s, line, onLine }: { s: HostSummary; line: number | null | undefined; onLine: (line: number) => void }) {
  const { t } = useI18n();
  const f = t.failures;
  const what = (
    <>
      <span className="font-mono text-[13px] font-medium text-slate-900">{s.host}</span>
      <HostStatusBadge status={s.status} />
      <span className="text-slate-800">{s.first_failed_task ? f.task(s.first_failed_task) : f.noTask}</span>
    </>
  );
  return (
    <li className="px-4 py-2 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {line ? (
          <a
            href={lineAnchor(line)}
            onClick={(e) => {
              e.preventDefault();
              onLine(line);
            }}
            className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            {what}
            <span className="text-blue-800 underline">{f.line(line)} →</span>
          </a>
        ) : (
          <>
            {what}
            <span className="text-xs text-slate-600">{line === null ? f.notInOutput : f.locating}</span>
          </>
        )}
      </p>
      {s.first_failed_message && <p className="mt-1 break-words font-mono text-xs text-red-900">{s.first_failed_message}</p>}
    </li>
  );
}
