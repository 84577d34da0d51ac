import type { Db } from "@/db/client";
import { askColumnOf, PROMPT_KEYS, type PromptKey } from "@/lib/contracts/job";
import type { FieldSource } from "@/lib/drf/serializer";
import type { Actor } from "@/core/actor";
import { createJob } from "@/core/jobs/create-job";
import type { JobRow } from "../jobs/serialize-job";
import { getTemplate } from "./get-template";

export type TemplateLaunch = { job: JobRow; ignoredFields: Record<string, unknown> };

/**
 * POST /api/job/template/<id>/launch/, as AWX's launch endpoint: a key the template asks
 * for (`ask_<key>_on_launch`) overrides its value for this job, parsed and checked as a
 * job create checks it; every other key sent is left out and reported in
 * `ignored_fields`, as sent. The path names the template.
 */
export async function launchTemplate(db: Db, user: Actor, id: number, body: FieldSource): Promise<TemplateLaunch> {
  const { template } = await getTemplate(db, id);
  const asked = new Set<string>(PROMPT_KEYS.filter((key) => template[askColumnOf(key)]));
  const applied = (key: string): key is PromptKey => asked.has(key) && body.has(key);
  const ignoredFields: Record<string, unknown> = {};
  for (const key of body.keys()) if (!applied(key)) ignoredFields[key] = body.get(key);

  const source: FieldSource = {
    isForm: body.isForm,
    keys: () => ["template", ...body.keys().filter(applied)],
    has: (key) => key === "template" || applied(key),
    get: (key) => (key === "template" ? id : applied(key) ? body.get(key) : undefined),
  };
  return { job: await createJob(db, user, source), ignoredFields };
}
