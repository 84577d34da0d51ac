import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { PROJECT_FIELDS } from "./project-fields";
import { projectColumns, type ProjectRow, type ProjectSettings } from "./project-row";

/** The folder is checked and scanned before the one insert, so no transaction waits on the disk. */
export async function createProject(db: Db, config: ProjectSettings, source: FieldSource): Promise<ProjectRow> {
  const { values, errors } = parseFields(PROJECT_FIELDS, source);
  const columns = await projectColumns(values, undefined, config, errors);
  assertValid(errors);
  const [created] = await db
    .insert(projects)
    .values({ ...columns, name: columns.name!, ctime: nowSeconds() })
    .returning();
  return created!;
}
