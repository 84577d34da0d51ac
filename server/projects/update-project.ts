import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid } from "@/core/errors";
import { getProject } from "./get-project";
import { PROJECT_FIELDS } from "./project-fields";
import { projectColumns, type ProjectRow, type ProjectSettings } from "./project-row";

/** PUT (`partial: false`: required fields must be sent) and PATCH; the folder is rescanned either way. */
export async function updateProject(db: Db, config: ProjectSettings, id: number, source: FieldSource, opts: { partial: boolean }): Promise<ProjectRow> {
  const { values, errors } = parseFields(PROJECT_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    const current = await getProject(tx, id, { forUpdate: true });
    const columns = await projectColumns(values, current, config, errors);
    assertValid(errors);
    const [updated] = await tx.update(projects).set(columns).where(eq(projects.id, id)).returning();
    return updated!;
  });
}
