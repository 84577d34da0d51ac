import type { Db } from "@/db/client";
import type { templates } from "@/db/schema";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { askColumnOf, askFlag, PROMPT_KEYS } from "@/lib/contracts/job";
import { hostPatternProblem } from "@/lib/inventory/host-pattern";
import { checkOptionSyntax } from "@/core/jobs/job-options";
import { loadReferences } from "@/core/jobs/load-references";
import { TEMPLATE_OPTION_COLUMNS, type TEMPLATE_FIELDS } from "./template-fields";

type TemplateInsert = typeof templates.$inferInsert;
type TemplateValues = { [K in keyof typeof TEMPLATE_FIELDS]?: unknown };

/**
 * The columns a create or update writes. References must exist now; the playbook is
 * only checked for syntax (whether the project has it is a launch's question).
 */
export async function templateColumns(db: Db, v: TemplateValues, errors: FieldErrors): Promise<Partial<TemplateInsert>> {
  const out: Record<string, unknown> = {};
  if (v.name != null) out.name = v.name;
  if (v.description != null) out.description = v.description;
  if (v.allow_simultaneous != null) out.allowSimultaneous = v.allow_simultaneous;
  if (v.max_concurrent_jobs != null) out.maxConcurrentJobs = v.max_concurrent_jobs;
  for (const [key, col] of Object.entries(TEMPLATE_OPTION_COLUMNS)) {
    const value = v[key as keyof typeof TEMPLATE_OPTION_COLUMNS];
    if (value != null) out[col] = value;
  }
  for (const key of PROMPT_KEYS) {
    const asks = v[askFlag(key)];
    if (asks != null) out[askColumnOf(key)] = asks;
  }
  checkOptionSyntax({ variables: out.variables as string | undefined, playbook: out.playbook as string | undefined }, errors);
  const limitProblem = typeof out.limit === "string" ? hostPatternProblem(out.limit) : null;
  if (limitProblem) addError(errors, "limit", limitProblem);

  const ids = { project: v.project, inventory: v.inventory, credential: v.credential } as Record<string, number | null | undefined>;
  const refs = await loadReferences(db, ids, errors);
  if (ids.project !== undefined) out.projectId = refs.project?.id ?? null;
  if (ids.inventory !== undefined) out.inventoryId = refs.inventory?.id ?? null;
  if (ids.credential !== undefined) out.credentialId = refs.credential?.id ?? null;
  return out as Partial<TemplateInsert>;
}
