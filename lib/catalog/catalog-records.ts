import { z } from "zod";
import { BECOME_METHODS, CredentialRecord, ENCRYPTED } from "../contracts/credential";
import { InventoryRecord } from "../contracts/inventory";
import { NotificationRecord } from "../contracts/notification";
import { ProjectRecord } from "../contracts/project";
import { ScheduleRecord } from "../contracts/schedule";
import { TemplateRecord } from "../contracts/template";
import { drfPage } from "../jobs/job-record";

/** The catalog's records, as their contracts (lib/contracts) declare them. */
export { CredentialRecord, InventoryRecord, NotificationRecord, ProjectRecord, ScheduleRecord, TemplateRecord };

export const ProjectFolders = z.object({ root: z.string(), folders: z.array(z.string()) });
export type ProjectFolders = z.infer<typeof ProjectFolders>;

export const CATALOG_RECORDS = {
  project: ProjectRecord,
  inventory: InventoryRecord,
  credential: CredentialRecord,
  template: TemplateRecord,
  schedule: ScheduleRecord,
  notification: NotificationRecord,
};
export type CatalogKind = keyof typeof CATALOG_RECORDS;
export type CatalogRecords = { [K in CatalogKind]: z.infer<(typeof CATALOG_RECORDS)[K]> };
export type CatalogPage<K extends CatalogKind> = { count: number; next: string | null; previous: string | null; results: CatalogRecords[K][] };

export const catalogPage = <K extends CatalogKind>(kind: K) => drfPage(CATALOG_RECORDS[kind]) as unknown as z.ZodType<CatalogPage<K>>;

/** Declared with the credential contract; the credential form uses them. */
export { BECOME_METHODS, ENCRYPTED };
