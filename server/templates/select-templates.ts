import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, projects, templates } from "@/db/schema";

/** Templates with the current names of what they reference (null when it is gone). */
export function selectTemplates(db: Db) {
  return db
    .select({ template: templates, projectName: projects.name, inventoryName: inventories.name, credentialName: credentials.name })
    .from(templates)
    .leftJoin(projects, eq(projects.id, templates.projectId))
    .leftJoin(inventories, eq(inventories.id, templates.inventoryId))
    .leftJoin(credentials, eq(credentials.id, templates.credentialId))
    .$dynamic();
}

export type TemplateWithNames = Awaited<ReturnType<typeof selectTemplates>>[number];
