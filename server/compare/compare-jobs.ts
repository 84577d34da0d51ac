import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobHostSummaries } from "@/db/schema";
import { compareTasks } from "@/lib/compare/compare-tasks";
import { COMPARED_OPTION_KEYS, type HostComparison, type HostSide, type JobComparison, type OptionDifference } from "@/lib/contracts/job-compare";
import type { JobRecord } from "@/lib/contracts/job";
import { getJob } from "../jobs/get-job";
import { serializeJob } from "../jobs/serialize-job";
import { readRunTasks } from "./read-run-tasks";

/**
 * Two runs side by side: the run options that differ, each host's own result in both,
 * and each task's result per host in both. Either job unknown: NotFound.
 */
export async function compareJobs(db: Db, idA: number, idB: number): Promise<JobComparison> {
  const [a, b] = [serializeJob(await getJob(db, idA)), serializeJob(await getJob(db, idB))];
  const [hostsA, hostsB] = [await readHosts(db, idA), await readHosts(db, idB)];
  const [tasksA, tasksB] = [await readRunTasks(db, idA), await readRunTasks(db, idB)];
  return { a, b, options: differingOptions(a, b), hosts: compareHosts(hostsA, hostsB), tasks: compareTasks(tasksA, tasksB) };
}

/** The run-defining keys whose values differ, as the job records show them. */
export function differingOptions(a: JobRecord, b: JobRecord): OptionDifference[] {
  return COMPARED_OPTION_KEYS.filter((field) => a[field] !== b[field]).map((field) => ({ field, a: a[field], b: b[field] }));
}

async function readHosts(db: Db, jobId: number): Promise<Map<string, HostSide>> {
  const rows = await db
    .select({
      host: jobHostSummaries.host,
      status: jobHostSummaries.status,
      ok: jobHostSummaries.ok,
      changed: jobHostSummaries.changed,
      failures: jobHostSummaries.failures,
      unreachable: jobHostSummaries.unreachable,
      skipped: jobHostSummaries.skipped,
      first_failed_task: jobHostSummaries.firstFailedTask,
    })
    .from(jobHostSummaries)
    .where(eq(jobHostSummaries.jobId, jobId));
  return new Map(rows.map(({ host, ...side }) => [host, side]));
}

function compareHosts(a: Map<string, HostSide>, b: Map<string, HostSide>): HostComparison[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.map((host) => {
    const [sa, sb] = [a.get(host) ?? null, b.get(host) ?? null];
    return { host, a: sa, b: sb, differs: sa?.status !== sb?.status };
  });
}
