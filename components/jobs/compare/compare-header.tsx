"use client";

import Link from "next/link";
import { jobTitle } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../../i18n/i18n-provider";
import { LocalTime } from "../../ui/local-time";
import { StateBadge } from "../state-badge";

/** Both jobs, A and B, each with its template, state, who ran it, when, and a link to it. */
export function CompareHeader({ a, b }: { a: JobRecord; b: JobRecord }) {
  const { t } = useI18n();
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <JobCard side={t.compare.runA} job={a} />
      <JobCard side={t.compare.runB} job={b} />
    </div>
  );
}

function JobCard({ side, job }: { side: string; job: JobRecord }) {
  const { t } = useI18n();
  return (
    <section aria-label={`${side} · ${t.compare.job} #${job.id}`} className="rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden className="rounded bg-slate-800 px-1.5 text-xs font-semibold text-white">
          {side}
        </span>
        <Link href={`/jobs/${job.id}`} title={t.compare.open(job.id)} className="font-semibold text-blue-800 hover:underline">
          {t.compare.job} #{job.id}
        </Link>
        <StateBadge state={job.state} name={job.state_name} />
      </div>
      {jobTitle(job) !== job.template_name && <p className="mt-1 break-all text-sm text-slate-600">{jobTitle(job)}</p>}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t.compare.template}</dt>
        <dd>{job.template_name ?? t.none}</dd>
        <dt className="text-slate-500">{t.compare.who}</dt>
        <dd>{job.user || t.none}</dd>
        <dt className="text-slate-500">{t.compare.started}</dt>
        <dd>
          <LocalTime value={job.start_time} />
        </dd>
      </dl>
    </section>
  );
}
