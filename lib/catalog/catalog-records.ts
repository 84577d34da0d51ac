import { z } from "zod";
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

export const InventoryRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  content: z.string(),
  variables: z.string(),
  hosts: z.array(z.string()),
  ctime: z.number(),
});
export type InventoryRecord = z.infer<typeof InventoryRecord>;

/** Secrets come back as "$encrypted$" when set, "" when not. */
export const CredentialRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  username: z.string(),
  password: z.string(),
  ssh_key: z.string(),
  become_method: z.string(),
  become_user: z.string(),
  become_password: z.string(),
  ctime: z.number(),
});
export type CredentialRecord = z.infer<typeof CredentialRecord>;

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

/** What a response shows for a secret that is set; sent back, the stored value is kept. */
export const ENCRYPTED = "$encrypted$";

/** Ansible's become methods, as the credential API accepts them. */
export const BECOME_METHODS = ["sudo", "su", "pbrun", "pfexec", "doas", "dzdo", "ksu", "runas", "machinectl"] as const;
