import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { credentials, inventories, projects, templates } from "@/db/schema";
import { JOB_FIELDS, RUN_OPTION_KEYS, type RunOptionKey } from "@/lib/contracts/job";
import type { FieldContract } from "@/lib/contracts/define";
import { TEMPLATE_FIELDS as CONTRACT, TEMPLATE_INPUT_FIELDS, type TemplateFieldKey } from "@/lib/contracts/template";
import { listSpecOf } from "../drf/list-query";

export const TEMPLATE_FIELDS = TEMPLATE_INPUT_FIELDS;

/** Run option keys → template columns (the same columns a job has). */
export const TEMPLATE_OPTION_COLUMNS = Object.fromEntries(RUN_OPTION_KEYS.map((k) => [k, JOB_FIELDS[k].column])) as {
  [K in RunOptionKey]: (typeof JOB_FIELDS)[K]["column"];
} satisfies Record<RunOptionKey, keyof typeof templates.$inferInsert>;

/** The referenced objects' current names come from the list's joins. */
const JOINED: Record<string, AnyPgColumn> = { projectName: projects.name, inventoryName: inventories.name, credentialName: credentials.name };
const FIELDS: Record<TemplateFieldKey, FieldContract & { column?: keyof typeof templates.$inferSelect | keyof typeof JOINED }> = CONTRACT;

/** The template list's filters, search and ordering, from the contract. */
export const TEMPLATE_LIST = listSpecOf(FIELDS, (c) => JOINED[c] ?? templates[c as keyof typeof templates.$inferSelect]);
