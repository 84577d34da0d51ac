"use client";

import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../i18n/i18n-provider";

type Queued = Pick<JobRecord, "state" | "queue_position" | "queue_reason" | "queue_limit" | "template_name" | "inventory_name" | "template" | "inventory">;

/** 「排队中，第 N 位（模板 X 同时只允许 1 个作业）」 for a pending job; nothing otherwise. */
export function useQueuePlaceText(job: Queued): string | null {
  const { t } = useI18n();
  if (job.state !== "pending" || job.queue_position === null || job.queue_reason === null || job.queue_limit === null) return null;
  const isTemplate = job.queue_reason === "template";
  const name = (isTemplate ? job.template_name : job.inventory_name) ?? `#${isTemplate ? job.template : job.inventory}`;
  return t.queue.place(job.queue_position, isTemplate, name, job.queue_limit);
}

/** A pending job's place in its queue, as a line of text (the job page) or a compact note (a history row). */
export function QueuePlace({ job, compact = false }: { job: Queued; compact?: boolean }) {
  const { t } = useI18n();
  const text = useQueuePlaceText(job);
  if (!text) return null;
  if (compact)
    return (
      <span className="text-xs whitespace-nowrap text-violet-800" title={text}>
        <span aria-hidden>{t.queue.short(job.queue_position!)}</span>
        <span className="sr-only">{text}</span>
      </span>
    );
  return (
    <p role="status" className="mt-1 text-sm text-violet-800">
      {text}
    </p>
  );
}
