"use client";

import { durationSeconds, splitDuration } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../i18n/i18n-provider";
import { useNow } from "../ui/use-now";

/** How long the job ran; ticks every second while it runs. */
export function JobDuration({ job }: { job: Pick<JobRecord, "start_time" | "finish_time" | "state"> }) {
  const { t } = useI18n();
  const running = job.state === "running" && job.finish_time == null && job.start_time != null;
  const now = useNow(running);
  const sec = durationSeconds(job, now);
  if (sec === null) return <span className="text-slate-500">{t.none}</span>;
  // a running job's duration depends on the clock, which moves between server and browser
  return (
    <span className="tabular-nums" suppressHydrationWarning={running}>
      {t.duration(...splitDuration(sec))}
    </span>
  );
}
