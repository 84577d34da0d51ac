import { isActiveState, isLiveState } from "./enums";
import type { JobRecord } from "./job-record";

/** The UI polls while a live job is shown. */
export const isLive = isLiveState;
/** The API refuses to delete a job the executor owns. */
export const isDeletable = (state: string) => !isActiveState(state);

/** What the job ran: its template, else the ad-hoc module and arguments, else the playbook. */
export function jobTitle(job: Pick<JobRecord, "template_name" | "kind" | "module" | "arguments" | "playbook" | "id">): string {
  if (job.template_name) return job.template_name;
  if (job.kind === "adhoc" && job.module) return [job.module, job.arguments].filter(Boolean).join(" ");
  return job.playbook || job.module || `#${job.id}`;
}

/** Seconds run so far (running), or in all (finished); null when it never started. */
export function durationSeconds(job: Pick<JobRecord, "start_time" | "finish_time" | "state">, nowSec: number): number | null {
  if (job.start_time == null) return null;
  if (job.finish_time != null) return Math.max(0, job.finish_time - job.start_time);
  if (job.state === "running") return Math.max(0, nowSec - job.start_time);
  return null;
}

export function splitDuration(total: number): [number, number, number] {
  const s = Math.floor(total);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86400],
  ["month", 30 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 分钟前" / "3 minutes ago". */
export function formatRelative(sec: number, nowSec: number, locale: string): string {
  const diff = sec - nowSec;
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === "second") return fmt.format(Math.round(diff / size), unit);
  }
  return "";
}
