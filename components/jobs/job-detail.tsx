"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { isNotFound } from "@/lib/api/http";
import { jobTitle } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { ErrorState } from "../ui/error-state";
import { useI18n } from "../i18n/i18n-provider";
import { usePermissions } from "../auth/use-permissions";
import { OptionFields, OverviewFields, TimingFields } from "./job-detail-fields";
import { Panel } from "./job-field-list";
import { JobExplanation } from "./job-explanation";
import { JobOutput } from "./job-output";
import { JobReruns } from "./job-reruns";
import { CompareWithLastSuccess } from "./compare/compare-with-last-success";
import { RerunActions } from "./rerun-actions";
import { QueuePlace } from "./queue-place";
import { StateBadge } from "./state-badge";
import { useHistoryReturnUrl } from "./history-return";
import { useJob } from "./use-job-queries";
import { useJobPageTitle } from "./use-job-page-title";

// rendered on the server as before; its YAML library comes in a chunk of its own, so the
// output's first lines do not wait for it to load
const JobVariables = dynamic(() => import("./job-variables").then((m) => m.JobVariables));

export function JobDetail({ initialJob }: { initialJob: JobRecord }) {
  const { t } = useI18n();
  const { canOperate } = usePermissions();
  const query = useJob(initialJob.id, initialJob);
  const job = query.data ?? initialJob;
  const gone = query.isError && isNotFound(query.error);
  const backHref = useHistoryReturnUrl();
  useJobPageTitle(job.id, job.state);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={backHref} className="mb-2 inline-block text-sm text-blue-800 hover:underline">
            ← {t.detail.back}
          </Link>
          <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold">
            {t.detail.title(job.id)}
            <StateBadge state={job.state} name={job.state_name} />
          </h1>
          <p className="mt-1 break-all text-slate-600">{jobTitle(job)}</p>
          <QueuePlace job={job} />
        </div>
        {!gone && (
          <div className="flex flex-col items-end gap-2">
            {canOperate && <RerunActions job={job} />}
            <CompareWithLastSuccess job={job} />
          </div>
        )}
      </div>
      {gone ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t.detail.deleted}
        </p>
      ) : query.isError ? (
        <ErrorState title={t.loadFailed} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : null}
      <JobExplanation job={job} />
      <JobOutput key={job.id} job={job} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Panel title={t.detail.overview}>
            <OverviewFields job={job} />
          </Panel>
          <Panel title={t.detail.options}>
            <OptionFields job={job} />
          </Panel>
          <JobVariables variables={job.variables} />
        </div>
        <div className="space-y-4">
          <Panel title={t.detail.timing}>
            <TimingFields job={job} />
          </Panel>
          <JobReruns jobId={job.id} />
        </div>
      </div>
    </div>
  );
}
