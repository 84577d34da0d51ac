import { z } from "zod";
import { BECOME_METHODS, CredentialRecord, ENCRYPTED } from "../contracts/credential";
import { InventoryRecord } from "../contracts/inventory";
import { ProjectRecord } from "../contracts/project";
import { TemplateRecord } from "../contracts/template";
import { drfPage } from "../jobs/job-record";

const name = z.string().nullable();

/** The catalog's records, as their contracts declare them (the schedule's is below). */
export { CredentialRecord, InventoryRecord, ProjectRecord };


/** The template record, as the template contract declares it. */
export { TemplateRecord };

/** Overrides are null where the template's value is taken. */
export const ScheduleRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  template: z.number().int(),
  template_name: name,
  cron: z.string(),
  timezone: z.string(),
  enabled: z.boolean(),
  limit: z.string().nullable(),
  tags: z.string().nullable(),
  skip_tags: z.string().nullable(),
  variables: z.string().nullable(),
  verbosity: z.number().int().nullable(),
  job_type: z.string().nullable(),
  next_run: z.number().nullable(),
  last_error: z.string(),
  ctime: z.number(),
});
export type ScheduleRecord = z.infer<typeof ScheduleRecord>;

export const ProjectFolders = z.object({ root: z.string(), folders: z.array(z.string()) });
export type ProjectFolders = z.infer<typeof ProjectFolders>;

export const CATALOG_RECORDS = {
  project: ProjectRecord,
  inventory: InventoryRecord,
  credential: CredentialRecord,
  template: TemplateRecord,
  schedule: ScheduleRecord,
};
export type CatalogKind = keyof typeof CATALOG_RECORDS;
export type CatalogRecords = { [K in CatalogKind]: z.infer<(typeof CATALOG_RECORDS)[K]> };
export type CatalogPage<K extends CatalogKind> = { count: number; next: string | null; previous: string | null; results: CatalogRecords[K][] };

export const catalogPage = <K extends CatalogKind>(kind: K) => drfPage(CATALOG_RECORDS[kind]) as unknown as z.ZodType<CatalogPage<K>>;

/** Declared with the credential contract; the credential form uses them. */
export { BECOME_METHODS, ENCRYPTED };
