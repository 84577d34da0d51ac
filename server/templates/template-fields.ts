import { credentials, inventories, projects, templates } from "@/db/schema";
import { primaryKey } from "@/lib/drf/fields";
import { JOB_FIELDS, RUN_OPTION_FIELDS, RUN_OPTION_KEYS, type RunOptionKey } from "@/lib/contracts/job";
import { DESCRIPTION_FIELD, NAME_FIELD } from "../resources/common-fields";

export const TEMPLATE_FIELDS = {
  name: NAME_FIELD,
  description: DESCRIPTION_FIELD,
  project: primaryKey(),
  inventory: primaryKey(),
  credential: primaryKey(),
  ...RUN_OPTION_FIELDS,
};

/** Run option keys → template columns (the same columns a job has). */
export const TEMPLATE_OPTION_COLUMNS = Object.fromEntries(RUN_OPTION_KEYS.map((k) => [k, JOB_FIELDS[k].column])) as {
  [K in RunOptionKey]: (typeof JOB_FIELDS)[K]["column"];
} satisfies Record<RunOptionKey, keyof typeof templates.$inferInsert>;

export const TEMPLATE_ORDERABLE = {
  id: templates.id,
  name: templates.name,
  description: templates.description,
  project: templates.projectId,
  project_name: projects.name,
  inventory: templates.inventoryId,
  inventory_name: inventories.name,
  credential: templates.credentialId,
  credential_name: credentials.name,
  ...Object.fromEntries(Object.entries(TEMPLATE_OPTION_COLUMNS).map(([key, col]) => [key, templates[col]])),
  ctime: templates.ctime,
};
