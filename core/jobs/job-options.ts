import type { jobs } from "@/db/schema";
import { JOB_FIELDS, JOB_VALUE_KEYS } from "@/lib/contracts/job";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { hostPatternProblem } from "@/lib/inventory/host-pattern";
import { isModuleName, isPlaybookPath, isVariablesMapping, jobMessages } from "@/lib/jobs/job-fields";
import type { References } from "./load-references";

type JobInsert = typeof jobs.$inferInsert;

/** Parsed body keys → job columns, for the keys that were given. */
export function optionColumns(v: Record<string, unknown>): Partial<JobInsert> {
  const out: Record<string, unknown> = {};
  for (const key of JOB_VALUE_KEYS) if (v[key] !== undefined) out[JOB_FIELDS[key].column] = v[key];
  return out as Partial<JobInsert>;
}

/** Reference columns (id and name as it is now) for the references that were resolved. */
export function referenceColumns(refs: References): Partial<JobInsert> {
  const out: Partial<JobInsert> = {};
  if (refs.template !== undefined) Object.assign(out, { templateId: refs.template?.id ?? null, templateName: refs.template?.name ?? null });
  if (refs.inventory !== undefined) Object.assign(out, { inventoryId: refs.inventory?.id ?? null, inventoryName: refs.inventory?.name ?? null });
  if (refs.credential !== undefined) Object.assign(out, { credentialId: refs.credential?.id ?? null, credentialName: refs.credential?.name ?? null });
  if (refs.project !== undefined) Object.assign(out, { projectId: refs.project?.id ?? null, projectName: refs.project?.name ?? null });
  if (refs.schedule !== undefined) Object.assign(out, { scheduleId: refs.schedule?.id ?? null, scheduleName: refs.schedule?.name ?? null });
  if (refs.job !== undefined) out.parentJobId = refs.job?.id ?? null;
  if (refs.node !== undefined) out.nodeId = null;
  return out;
}

/** Checks every job shares: text that must parse, paths and names that must be safe. */
export function checkOptionSyntax(row: Partial<JobInsert>, errors: FieldErrors): void {
  if (row.variables && !isVariablesMapping(row.variables)) addError(errors, "variables", jobMessages.variables);
  if (row.playbook && !isPlaybookPath(row.playbook)) addError(errors, "playbook", jobMessages.playbookPath);
  if (row.module && !isModuleName(row.module)) addError(errors, "module", jobMessages.module);
}

/** What a job to be run needs: something to run, a credential and hosts. */
export function checkLaunchable(row: Partial<JobInsert>, project: References["project"], errors: FieldErrors, required: string): void {
  if (row.kind === "adhoc") {
    if (!row.module) addError(errors, "module", required);
  } else {
    if (!row.projectId) addError(errors, "project", required);
    if (!row.playbook) addError(errors, "playbook", required);
    else if (project && isPlaybookPath(row.playbook) && !project.playbooks.includes(row.playbook))
      addError(errors, "playbook", jobMessages.playbookMissing(row.playbook));
  }
  if (!row.credentialId) addError(errors, "credential", required);
  if (!row.inventoryId && !row.inventoryStr) addError(errors, "inventory", jobMessages.inventoryRequired);
  const limitProblem = row.limit ? hostPatternProblem(row.limit) : null;
  if (limitProblem) addError(errors, "limit", limitProblem);
}
