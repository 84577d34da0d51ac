"use client";

import type { JobRecord } from "@/lib/jobs/job-record";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";
import { Panel } from "./job-field-list";
import { useJobOutput } from "./use-job-queries";

/** The job's output as the executor recorded it; an explicit empty state otherwise. */
export function JobOutput({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const output = useJobOutput(job);
  const neverRan = job.state === "new" && job.start_time === null;

  let body;
  if (neverRan) body = <Empty text={t.detail.neverRan} />;
  else if (output.isPending) body = (
    <p className="flex items-center gap-2 text-sm text-slate-500">
      <Spinner /> {t.loading}
    </p>
  );
  else if (output.isError) body = <ErrorState title={t.detail.outputError} error={output.error} onRetry={() => output.refetch()} />;
  else if (output.data === null) body = <Empty text={t.detail.noOutput} hint={t.detail.noOutputHint} />;
  else body = (
    <pre className="max-h-[32rem] overflow-auto rounded bg-slate-950 p-3 font-mono text-[13px] leading-relaxed text-slate-100">{output.data}</pre>
  );
  return <Panel title={t.detail.output}>{body}</Panel>;
}

function Empty({ text, hint }: { text: string; hint?: string }) {
  return (
    <div className="rounded border border-dashed border-slate-300 px-4 py-8 text-center">
      <p className="text-sm font-medium text-slate-700">{text}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
