import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { credentials, inventories, jobs, projects, templates } from "@/db/schema";
import { lastJobOf } from "../jobs/last-job-of";

/** Templates with the current names of what they reference (null when it is gone) and their newest job. */
export function selectTemplates(db: Db) {
  const last = lastJobOf(db, jobs.templateId, templates.id);
  return db
    .select({
      template: templates,
      projectName: projects.name,
      inventoryName: inventories.name,
      credentialName: credentials.name,
      lastJobId: last.lastJobId,
      lastJobState: last.lastJobState,
      lastJobTime: last.lastJobTime,
    })
    .from(templates)
    .leftJoin(projects, eq(projects.id, templates.projectId))
    .leftJoin(inventories, eq(inventories.id, templates.inventoryId))
    .leftJoin(credentials, eq(credentials.id, templates.credentialId))
    .leftJoinLateral(last, sql`true`)
    .$dynamic();
}

export type TemplateWithNames = Awaited<ReturnType<typeof selectTemplates>>[number];
