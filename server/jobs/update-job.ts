import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { isActiveState, isQueuedState } from "@/lib/jobs/enums";
import { JOB_UPDATE_FIELDS } from "@/lib/contracts/job";
import { jobMessages } from "@/lib/jobs/job-fields";
import { assertValid, Conflict } from "@/core/errors";
import { getJob } from "./get-job";
import { checkLaunchable, checkOptionSyntax, optionColumns, referenceColumns } from "@/core/jobs/job-options";
import { loadReferences } from "@/core/jobs/load-references";
import type { JobRow } from "./serialize-job";
import { areVariablesTrusted } from "@/core/jobs/variables-trust";

/**
 * PUT and PATCH of one job (both partial, as the seed says). State, times and cuser are
 * read-only here. A changed reference takes the referenced object's current name.
 */
export async function updateJob(db: Db, id: number, source: FieldSource): Promise<JobRow> {
  const { values: v, errors } = parseFields(JOB_UPDATE_FIELDS, source, { partial: true });
  return db.transaction(async (tx) => {
    const current = await getJob(tx, id, { forUpdate: true });
    if (isActiveState(current.state)) throw new Conflict(jobMessages.notEditable);
    const refs = await loadReferences(
      tx,
      { template: v.template, inventory: v.inventory, credential: v.credential, project: v.project, schedule: v.schedule, job: v.job, node: v.node },
      errors,
    );
    const changes: Partial<JobRow> = { ...optionColumns(v), ...referenceColumns(refs) };
    if (v.variables !== undefined || v.template !== undefined || v.job !== undefined) {
      const after = { ...current, ...changes };
      const { template, job } = await loadReferences(tx, { template: after.templateId, job: after.parentJobId }, {});
      changes.variablesTrusted = areVariablesTrusted(after.variables, template, job);
    }
    const merged = { ...current, ...changes };
    checkOptionSyntax(changes, errors);
    if (isQueuedState(current.state)) {
      const project = refs.project !== undefined ? refs.project : (await loadReferences(tx, { project: merged.projectId }, {})).project;
      checkLaunchable(merged, project, errors, msg.required);
    }
    assertValid(errors);
    if (Object.keys(changes).length === 0) return current;
    const [updated] = await tx.update(jobs).set(changes).where(eq(jobs.id, id)).returning();
    return updated!;
  });
}
