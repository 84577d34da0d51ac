import type { Db } from "@/db/client";
import type { FieldSource } from "@/lib/drf/serializer";
import type { Actor } from "@/core/actor";
import { createJob } from "@/core/jobs/create-job";
import type { JobRow } from "../jobs/serialize-job";
import { getTemplate } from "./get-template";

/**
 * POST /api/job/template/<id>/launch/: a job POST with `template` set, so the body's
 * keys override the template's options exactly as they would there. The path names
 * the template: a `template` key in the body does not redirect the launch.
 */
export async function launchTemplate(db: Db, user: Actor, id: number, overrides: FieldSource): Promise<JobRow> {
  await getTemplate(db, id);
  const source: FieldSource = {
    isForm: overrides.isForm,
    has: (key) => key === "template" || overrides.has(key),
    get: (key) => (key === "template" ? id : overrides.get(key)),
  };
  return createJob(db, user, source);
}
