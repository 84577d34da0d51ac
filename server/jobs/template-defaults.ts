import type { Db } from "@/db/client";
import type { jobs } from "@/db/schema";
import { RUN_OPTION_FIELDS } from "@/lib/jobs/job-fields";
import { loadReferences, type References, type TemplateRow } from "./load-references";
import { referenceColumns } from "./job-options";

const TEMPLATE_OPTION_COLUMNS = {
  playbook: "playbook", job_type: "jobType", forks: "forks", limit: "limit", tags: "tags", skip_tags: "skipTags",
  verbosity: "verbosity", variables: "variables", become_enabled: "becomeEnabled", diff_mode: "diffMode",
  force_handlers: "forceHandlers", start_at_task: "startAtTask", timeout: "timeout",
} as const satisfies Record<keyof typeof RUN_OPTION_FIELDS, keyof TemplateRow>;

/**
 * What a launch from a template takes from it, as an AWX launch does: each run option
 * and reference the body left out. A reference the template holds that was deleted
 * since is left empty (the launch checks then name it).
 */
export async function templateDefaults(db: Db, template: TemplateRow, given: Record<string, unknown>): Promise<{ columns: Partial<typeof jobs.$inferInsert>; project?: References["project"] }> {
  const columns: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(TEMPLATE_OPTION_COLUMNS)) {
    if (given[key] === undefined) columns[col] = template[col];
  }
  const ids = {
    project: given.project === undefined ? template.projectId : undefined,
    inventory: given.inventory === undefined ? template.inventoryId : undefined,
    credential: given.credential === undefined ? template.credentialId : undefined,
  };
  const ignored = {};
  const refs = await loadReferences(db, ids, ignored);
  for (const key of ["project", "inventory", "credential"] as const) {
    if (ids[key] != null && refs[key] === undefined) refs[key] = null;
  }
  return { columns: { ...columns, ...referenceColumns(refs) }, project: refs.project };
}
