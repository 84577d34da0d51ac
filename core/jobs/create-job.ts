import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import { addError, parseFields, type FieldErrors, type FieldSource } from "@/lib/drf/serializer";
import { ACTIVE_STATES, IMPORT_STATES, type JobState } from "@/lib/jobs/enums";
import { JOB_INPUT_FIELDS } from "@/lib/contracts/job";
import { jobMessages } from "@/lib/jobs/job-fields";
import { nowSeconds } from "@/lib/time";
import type { Actor } from "../actor";
import { assertValid, Forbidden } from "../errors";
import { checkLaunchable, checkOptionSyntax, optionColumns, referenceColumns } from "./job-options";
import { loadReferences } from "./load-references";
import { templateDefaults } from "./template-defaults";
import { areVariablesTrusted } from "./variables-trust";

/**
 * POST /api/job/job/: state `new` (or absent) launches a job; a final state records a
 * run that happened elsewhere. Options the body leaves out come from the template.
 * `fixed` holds columns the server itself decides (a relaunch's failed-host limit).
 */
export async function createJob(db: Db, user: Actor, source: FieldSource, fixed: Partial<typeof jobs.$inferInsert> = {}): Promise<typeof jobs.$inferSelect> {
  const { values: v, errors } = parseFields(JOB_INPUT_FIELDS, source);
  if (v.cuser != null && v.cuser !== user.id && user.role !== "admin") throw new Forbidden(jobMessages.otherUser);

  return db.transaction(async (tx) => {
    const refs = await loadReferences(
      tx,
      {
        cuser: v.cuser ?? user.id,
        template: v.template,
        inventory: v.inventory,
        credential: v.credential,
        project: v.project,
        schedule: v.schedule,
        job: v.job,
        node: v.node,
      },
      errors,
    );
    const fromTemplate = refs.template ? await templateDefaults(tx, refs.template, v) : { columns: {}, project: undefined };
    const options = optionColumns(v);
    const row = {
      ...fromTemplate.columns,
      ...options,
      ...referenceColumns(refs),
      ...fixed,
      cuserId: refs.cuser?.id ?? user.id,
      userName: refs.cuser?.displayName ?? user.displayName,
    } as typeof jobs.$inferInsert;
    row.kind ??= row.module && !row.playbook ? "adhoc" : "job";
    row.variablesTrusted = areVariablesTrusted(row.variables ?? "", refs.template, refs.job);

    const state = (v.state ?? "new") as JobState;
    row.state = state;
    row.ctime = v.ctime ?? nowSeconds();
    checkOptionSyntax(row, errors);
    if (ACTIVE_STATES.includes(state) || state === "pending") addError(errors, "state", jobMessages.activeState);
    else if (IMPORT_STATES.includes(state)) checkImport(v, errors, row);
    else {
      row.startTime = null;
      row.finishTime = null;
      checkLaunchable(row, refs.project ?? fromTemplate.project, errors, msg.required);
    }
    assertValid(errors);
    const [created] = await tx.insert(jobs).values(row).returning();
    return created!;
  });
}

function checkImport(v: { start_time?: number | null; finish_time?: number | null }, errors: FieldErrors, row: typeof jobs.$inferInsert): void {
  for (const key of ["start_time", "finish_time"] as const) {
    if (v[key] == null && !errors[key]) addError(errors, key, msg.required);
  }
  if (v.start_time != null && v.finish_time != null && v.start_time > v.finish_time) addError(errors, "finish_time", jobMessages.finishBeforeStart);
  row.startTime = v.start_time ?? null;
  row.finishTime = v.finish_time ?? null;
}
