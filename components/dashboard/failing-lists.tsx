"use client";

import Link from "next/link";
import type { JobStats } from "@/lib/contracts/stats";
import { hostHref } from "@/lib/hosts/host-api";
import { historyHref } from "@/lib/jobs/history-search";
import { useI18n } from "../i18n/i18n-provider";

const linkClass = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

function Panel({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="rounded-md border border-slate-200 bg-white" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-800">
        {title}
      </h2>
      {empty ? <p className="px-4 py-6 text-sm text-slate-500">{t.dashboard.noFailures}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
    </section>
  );
}

/** The templates with the most failed or error runs in the period: each opens its failed jobs in the history. */
export function FailingTemplates({ stats }: { stats: JobStats }) {
  const { t } = useI18n();
  const d = t.dashboard;
  return (
    <Panel title={d.failingTemplates} testId="failing-templates" empty={stats.failing_templates.length === 0}>
      {stats.failing_templates.map((f) => (
        <li key={f.template} className="flex items-baseline justify-between gap-3 px-4 py-2 text-sm">
          <Link href={historyHref({ template: f.template, state: ["failed", "error"] })} className={`truncate ${linkClass}`}>
            {f.template_name}
          </Link>
          <span className="shrink-0 tabular-nums text-slate-600">
            <span className="font-medium text-red-700">{f.failed + f.error}</span> {d.ofJobs(f.jobs)}
          </span>
        </li>
      ))}
    </Panel>
  );
}

/** The hosts with the most failed or unreachable results in the period: each opens its page. */
export function FailingHosts({ stats }: { stats: JobStats }) {
  const { t } = useI18n();
  const d = t.dashboard;
  return (
    <Panel title={d.failingHosts} testId="failing-hosts" empty={stats.failing_hosts.length === 0}>
      {stats.failing_hosts.map((h) => (
        <li key={h.host} className="flex items-baseline justify-between gap-3 px-4 py-2 text-sm">
          <Link href={hostHref(h.host)} className={`truncate font-mono text-[13px] ${linkClass}`}>
            {h.host}
          </Link>
          <span className="shrink-0 space-x-2 tabular-nums text-slate-600">
            {h.failed > 0 && (
              <span>
                {d.failures} <span className="font-medium text-red-700">{h.failed}</span>
              </span>
            )}
            {h.unreachable > 0 && (
              <span>
                {d.unreachable} <span className="font-medium text-rose-900">{h.unreachable}</span>
              </span>
            )}
          </span>
        </li>
      ))}
    </Panel>
  );
}
