import type { Db } from "@/db/client";
import type { jobs } from "@/db/schema";
import { JOB_FIELDS, RUN_OPTION_KEYS } from "@/lib/contracts/job";
import { loadReferences, type References, type TemplateRow } from "./load-references";
import { referenceColumns } from "./job-options";

/**
 * What a launch from a template takes from it, as an AWX launch does: each run option
 * and reference the body left out. A reference the template holds that was deleted
 * since is left empty (the launch checks then name it).
 */
export async function templateDefaults(
  db: Db,
  template: TemplateRow,
  given: Record<string, unknown>,
): Promise<{ columns: Partial<typeof jobs.$inferInsert>; project?: References["project"] }> {
  const columns: Record<string, unknown> = {};
  for (const key of RUN_OPTION_KEYS) {
    const column = JOB_FIELDS[key].column;
    if (given[key] === undefined) columns[column] = template[column];
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
