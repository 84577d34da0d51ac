import { and, count, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobEvents, jobHostSummaries, jobs } from "@/db/schema";
import type { HostResult } from "@/lib/contracts/host";
import type { Page } from "../drf/pagination";
import { getHost } from "./get-host";

/** At most this many changed (and failed) task names per run. */
const TASKS_PER_RUN = 50;

/**
 * A host's timeline, newest job first: each job that reached it with the host's own
 * counts and status, its first failed task, and the tasks that changed or failed on it
 * (from the job's events, for the page's jobs only).
 */
export async function listHostResults(db: Db, id: number, page: Page): Promise<{ count: number; rows: HostResult[] }> {
  const host = await getHost(db, id);
  const onHost = eq(jobHostSummaries.host, host.name);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(jobHostSummaries).where(onHost),
    db
      .select({
        job: jobHostSummaries.jobId,
        template_name: jobs.templateName,
        kind: jobs.kind,
        playbook: jobs.playbook,
        module: jobs.module,
        job_state: jobs.state,
        start_time: jobs.startTime,
        finish_time: jobs.finishTime,
        ok: jobHostSummaries.ok,
        changed: jobHostSummaries.changed,
        failures: jobHostSummaries.failures,
        unreachable: jobHostSummaries.unreachable,
        skipped: jobHostSummaries.skipped,
        rescued: jobHostSummaries.rescued,
        ignored: jobHostSummaries.ignored,
        status: jobHostSummaries.status,
        first_failed_task: jobHostSummaries.firstFailedTask,
        first_failed_message: jobHostSummaries.firstFailedMessage,
      })
      .from(jobHostSummaries)
      // a result whose job was deleted meanwhile is left out of the page
      .innerJoin(jobs, eq(jobs.id, jobHostSummaries.jobId))
      .where(onHost)
      .orderBy(desc(jobHostSummaries.jobId))
      .limit(page.limit)
      .offset(page.offset),
  ]);
  const tasks = await tasksOnHost(
    db,
    host.name,
    rows.map((r) => r.job),
  );
  return {
    count: Number(total?.n ?? 0),
    rows: rows.map((r) => ({ ...r, changed_tasks: tasks.get(r.job)?.changed ?? [], failed_tasks: tasks.get(r.job)?.failed ?? [] })),
  };
}

async function tasksOnHost(db: Db, host: string, jobIds: number[]) {
  const out = new Map<number, { changed: string[]; failed: string[] }>();
  if (jobIds.length === 0) return out;
  const events = await db
    .select({ job: jobEvents.jobId, task: jobEvents.task, changed: jobEvents.changed, failed: jobEvents.failed })
    .from(jobEvents)
    .where(
      and(
        inArray(jobEvents.jobId, jobIds),
        eq(jobEvents.host, host),
        inArray(jobEvents.event, ["runner_on_ok", "runner_on_failed", "runner_on_unreachable"]),
        or(eq(jobEvents.changed, true), eq(jobEvents.failed, true)),
      ),
    )
    .orderBy(jobEvents.jobId, jobEvents.seq);
  for (const e of events) {
    const t = out.get(e.job) ?? { changed: [], failed: [] };
    const list = e.failed ? t.failed : t.changed;
    if (!list.includes(e.task) && list.length < TASKS_PER_RUN) list.push(e.task);
    out.set(e.job, t);
  }
  return out;
}
