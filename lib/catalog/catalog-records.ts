import { z } from "zod";
import { BECOME_METHODS, CredentialRecord, ENCRYPTED } from "../contracts/credential";
import { InventoryRecord } from "../contracts/inventory";
import { TemplateRecord } from "../contracts/template";
import { drfPage } from "../jobs/job-record";

const name = z.string().nullable();

/** The catalog's records (docs/api.md, "Beyond the seed"), as the web UI reads them. */
export const ProjectRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  scm_type: z.string(),
  scm_url: z.string(),
  scm_branch: z.string(),
  local_path: z.string(),
  playbooks: z.array(z.string()),
  /** git: the commit of the last sync, and why the last sync failed */
  scm_revision: z.string().default(""),
  sync_error: z.string().default(""),
  ctime: z.number(),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

/** The inventory and credential records, as their contracts declare them. */
export { CredentialRecord, InventoryRecord };


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
