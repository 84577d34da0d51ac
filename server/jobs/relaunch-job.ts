import type { Db } from "@/db/client";
import type { jobs } from "@/db/schema";
import { RERUN_COPIED_KEYS } from "@/lib/contracts/job";
import { choice } from "@/lib/drf/fields";
import { parseFields, type FieldErrors, type FieldSource } from "@/lib/drf/serializer";
import { jobMessages } from "@/lib/jobs/job-fields";
import type { Actor } from "@/core/actor";
import { assertValid } from "@/core/errors";
import { findFailedTask } from "../output/find-failed-task";
import { listFailedHosts } from "../output/list-failed-hosts";
import { createJob } from "@/core/jobs/create-job";
import { getJob } from "./get-job";
import { serializeJob, type JobRow } from "./serialize-job";

const RELAUNCH_FIELDS = { hosts: choice(["all", "failed"] as const), start_at: choice(["copied", "failed_task"] as const) };

/**
 * POST .../relaunch/: a new job from the old one's options and references, launched by
 * the caller, through the same validation as a job POST. `hosts=failed` limits it to the
 * hosts that failed or were unreachable (over any `limit` in the body); `start_at=failed_task`
 * starts it at the first task that failed (over any `start_at_task` in the body). The body
 * may override any copied key.
 */
export async function relaunchJob(db: Db, user: Actor, id: number, readBody: () => Promise<FieldSource>): Promise<JobRow> {
  const old = await getJob(db, id);
  // read after the look-up, so an unknown id is a 404 whatever the body, as in DRF
  const body = await readBody();
  const { values, errors } = parseFields(RELAUNCH_FIELDS, body);
  assertValid(errors);
  const fixed: Partial<typeof jobs.$inferInsert> = {};
  const failedHosts = values.hosts === "failed" || values.start_at === "failed_task" ? await listFailedHosts(db, id) : [];
  const refused: FieldErrors = {};
  if (values.hosts === "failed") {
    if (failedHosts.length === 0) refused.hosts = [jobMessages.noFailedHosts];
    fixed.limit = failedHosts.join(",");
  }
  if (values.start_at === "failed_task") {
    const found = await findFailedTask(db, old, failedHosts, values.hosts === "failed" ? "failed" : "all");
    if (found.task) fixed.startAtTask = found.task.start_at_task;
    else refused.start_at = [found.error];
  }
  assertValid(refused);
  const record: Record<string, unknown> = serializeJob(old);
  const base: Record<string, unknown> = { state: "new", job: old.id };
  for (const key of RERUN_COPIED_KEYS) base[key] = record[key];
  return createJob(db, user, overlay(base, body), fixed);
}

/** The old job's values under the body's overrides, as one serializer input. */
function overlay(base: Record<string, unknown>, body: FieldSource): FieldSource {
  const overridden = (key: string) => (RERUN_COPIED_KEYS as readonly string[]).includes(key) && body.has(key);
  return {
    isForm: body.isForm,
    keys: () => [...new Set([...Object.keys(base), ...body.keys().filter(overridden)])],
    has: (key) => overridden(key) || Object.prototype.hasOwnProperty.call(base, key),
    get: (key) => (overridden(key) ? body.get(key) : base[key]),
  };
}
