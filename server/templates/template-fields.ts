import { credentials, inventories, projects, templates } from "@/db/schema";
import { primaryKey } from "@/lib/drf/fields";
import { RUN_OPTION_FIELDS } from "@/lib/jobs/job-fields";
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
export const TEMPLATE_OPTION_COLUMNS = {
  playbook: "playbook", job_type: "jobType", forks: "forks", limit: "limit", tags: "tags", skip_tags: "skipTags",
  verbosity: "verbosity", variables: "variables", become_enabled: "becomeEnabled", diff_mode: "diffMode",
  force_handlers: "forceHandlers", start_at_task: "startAtTask", timeout: "timeout",
} as const satisfies Record<keyof typeof RUN_OPTION_FIELDS, keyof typeof templates.$inferInsert>;

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
