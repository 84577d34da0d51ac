"use client";

import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../i18n/i18n-provider";

const TONE: Record<string, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  failed: "border-red-200 bg-red-50 text-red-900",
  canceled: "border-slate-300 bg-slate-100 text-slate-800",
};

/** Why the job ended as it did, at the top of its page: the first thing to read on a bad day. */
export function JobExplanation({ job }: { job: Pick<JobRecord, "state" | "explanation"> }) {
  const { t } = useI18n();
  if (!job.explanation) return null;
  return (
    <div
      role="status"
      data-testid="job-explanation"
      className={`rounded-md border px-3 py-2 text-sm ${TONE[job.state] ?? "border-slate-200 bg-white text-slate-800"}`}
    >
      <span className="font-medium">{t.detail.why}: </span>
      <span className="break-words">{job.explanation}</span>
    </div>
  );
}
