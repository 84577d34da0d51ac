import type { Db } from "@/db/client";
import { findFailedTask, type FailedTask } from "../output/find-failed-task";
import { listFailedHosts } from "../output/list-failed-hosts";
import { getJob } from "./get-job";

export type RelaunchOptions = {
  failed_hosts: string[];
  /** where `start_at=failed_task` (with `hosts=failed`) would start, or null */
  failed_task: FailedTask | null;
  /** why it cannot, as its 400 says; null when it can */
  failed_task_error: string | null;
};

/** GET .../relaunch/: what a relaunch of the job can do — its failed hosts, and the task a re-run of them can start at. */
export async function readRelaunchOptions(db: Db, id: number): Promise<RelaunchOptions> {
  const job = await getJob(db, id);
  const failedHosts = await listFailedHosts(db, id);
  const found = await findFailedTask(db, job, failedHosts, "failed");
  return { failed_hosts: failedHosts, failed_task: found.task, failed_task_error: found.error };
}
