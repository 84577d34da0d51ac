import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents } from "@/db/schema";
import { resumeMessages } from "@/lib/jobs/job-fields";
import type { JobRow } from "../jobs/serialize-job";
import { failedEvent } from "./list-failed-hosts";

/** The task a re-run of the failed hosts can start at, and the `start_at_task` that reaches it. */
export type FailedTask = {
  /** as the output printed it (`TASK [name]`) */
  name: string;
  play: string;
  /** where it is in the project, `file:line` */
  path: string;
  /** the hosts that failed or were unreachable in it */
  hosts: string[];
  start_at_task: string;
};

export type FailedTaskAnswer = { task: FailedTask; error: null } | { task: null; error: string };

type SameName = { path?: unknown; hosts?: unknown };

/**
 * The first task, in output order, that failed on one of `failedHosts` (not ignored, not
 * rescued) or found it unreachable — if `--start-at-task` can start there. The callback
 * plugin records with each task what Ansible matches (the name as written, `role : name`
 * for a role's task; null for a handler's, a dynamically included or a rescue task) and
 * the earlier tasks that value would stop at first, with the hosts they ran on: one in the
 * same play always does; one in an earlier play only for a host the re-run includes
 * (`runsOn`: the failed hosts, or every host).
 */
export async function findFailedTask(db: Db, job: JobRow, failedHosts: string[], runsOn: "failed" | "all"): Promise<FailedTaskAnswer> {
  const refuse = (error: string): FailedTaskAnswer => ({ task: null, error });
  if (job.kind === "adhoc") return refuse(resumeMessages.adhoc);
  const ofJob = eq(jobEvents.jobId, job.id);
  const hostIn = sql`${jobEvents.host} in (select jsonb_array_elements_text(${JSON.stringify(failedHosts)}::jsonb))`;
  const [failure] = await db
    .select({ seq: jobEvents.seq, task: jobEvents.task, uuid: sql<string | null>`${jobEvents.data} ->> 'task_uuid'` })
    .from(jobEvents)
    .where(and(ofJob, failedEvent, hostIn, sql`${jobEvents.task} <> ''`))
    .orderBy(jobEvents.seq)
    .limit(1);
  if (!failure) {
    const [any] = await db.select({ seq: jobEvents.seq }).from(jobEvents).where(ofJob).limit(1);
    return refuse(any ? resumeMessages.noFailedTask : resumeMessages.noEvents);
  }
  if (!failure.uuid) return refuse(resumeMessages.notRecorded(failure.task));
  const [start] = await db
    .select({ event: jobEvents.event, play: jobEvents.play, data: jobEvents.data })
    .from(jobEvents)
    .where(
      and(
        ofJob,
        lt(jobEvents.seq, failure.seq),
        inArray(jobEvents.event, ["playbook_on_task_start", "playbook_on_handler_task_start"]),
        sql`${jobEvents.data} ->> 'uuid' = ${failure.uuid}`,
      ),
    )
    .orderBy(desc(jobEvents.seq))
    .limit(1);
  if (!start) return refuse(resumeMessages.notRecorded(failure.task));
  if (start.event === "playbook_on_handler_task_start") return refuse(resumeMessages.handler(failure.task));
  if (!("start_at" in start.data)) return refuse(resumeMessages.notRecorded(failure.task));
  const startAt = start.data.start_at;
  if (typeof startAt !== "string" || startAt === "") return refuse(resumeMessages.notReachable(failure.task));
  const rerun = new Set(failedHosts);
  const sameName = Array.isArray(start.data.same_name) ? (start.data.same_name as unknown[]) : [];
  const first = sameName
    .filter((s): s is SameName => typeof s === "object" && s !== null)
    .find((s) => !Array.isArray(s.hosts) || (runsOn === "all" ? s.hosts.length > 0 : s.hosts.some((h) => rerun.has(String(h)))));
  if (first) return refuse(resumeMessages.notUnique(failure.task, typeof first.path === "string" ? first.path : ""));
  const hosts = await db
    .selectDistinct({ host: jobEvents.host })
    .from(jobEvents)
    .where(and(ofJob, failedEvent, hostIn, sql`${jobEvents.data} ->> 'task_uuid' = ${failure.uuid}`));
  return {
    task: {
      name: failure.task,
      play: start.play,
      path: typeof start.data.path === "string" ? start.data.path : "",
      hosts: hosts.map((h) => h.host).sort(),
      start_at_task: startAtTaskPattern(startAt),
    },
    error: null,
  };
}

/**
 * The name as a `--start-at-task` value matching only itself: Ansible also compares it as
 * an fnmatch pattern, where `*`, `?` and `[` would match other tasks' names first.
 */
export function startAtTaskPattern(name: string): string {
  return name.replace(/[*?[]/g, (c) => `[${c}]`);
}
