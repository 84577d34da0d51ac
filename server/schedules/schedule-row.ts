import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { schedules, templates } from "@/db/schema";
import { msg } from "@/lib/drf/messages";
import { addError, type FieldErrors } from "@/lib/drf/serializer";
import { hostPatternProblem } from "@/lib/inventory/host-pattern";
import { isVariablesMapping, jobMessages } from "@/lib/jobs/job-fields";
import { cronProblem, isTimeZone, scheduleMessages } from "@/lib/schedules/cron";
import { loadReferences } from "@/core/jobs/load-references";
import { OVERRIDE_COLUMNS, type SCHEDULE_FIELDS } from "./schedule-fields";
import type { ScheduleRow } from "./select-schedules";

type ScheduleInsert = typeof schedules.$inferInsert;
type ScheduleValues = { [K in keyof typeof SCHEDULE_FIELDS]?: unknown };

/**
 * The columns a create or update writes. An enabled schedule needs its template to
 * exist: one left by a deleted template can only be re-enabled with another template.
 */
export async function scheduleColumns(db: Db, v: ScheduleValues, current: ScheduleRow | undefined, errors: FieldErrors): Promise<Partial<ScheduleInsert>> {
  const out: Record<string, unknown> = {};
  if (v.name != null) out.name = v.name;
  if (v.description != null) out.description = v.description;
  if (v.enabled != null) out.enabled = v.enabled;
  // a changed time table or a re-enable starts counting from now (no replay of the past)
  if (v.enabled != null || v.cron != null || v.timezone != null) out.nextFireAt = null;
  if (v.enabled === true || v.template != null) out.lastError = "";
  if (typeof v.cron === "string") {
    const problem = cronProblem(v.cron);
    if (problem) addError(errors, "cron", problem);
    out.cron = v.cron.split(/\s+/).join(" ");
  }
  if (typeof v.timezone === "string") {
    if (!isTimeZone(v.timezone)) addError(errors, "timezone", scheduleMessages.timezone(v.timezone));
    out.timezone = v.timezone;
  }
  for (const [key, col] of Object.entries(OVERRIDE_COLUMNS)) {
    const value = v[key as keyof typeof OVERRIDE_COLUMNS];
    if (value !== undefined) out[col] = value;
  }
  if (typeof out.variables === "string" && !isVariablesMapping(out.variables)) addError(errors, "variables", jobMessages.variables);
  const limitProblem = typeof out.limit === "string" ? hostPatternProblem(out.limit) : null;
  if (limitProblem) addError(errors, "limit", limitProblem);

  // an inventory or credential override must exist now, as the template's own must
  await loadReferences(db, { inventory: v.inventory as number | null | undefined, credential: v.credential as number | null | undefined }, errors);

  if (typeof v.template === "number") {
    const refs = await loadReferences(db, { template: v.template }, errors);
    if (refs.template) out.templateId = refs.template.id;
  } else if (current && (out.enabled ?? current.enabled) && !errors.template) {
    const [t] = await db.select({ id: templates.id }).from(templates).where(eq(templates.id, current.templateId));
    if (!t) addError(errors, "template", msg.pkDoesNotExist(current.templateId));
  }
  return out as Partial<ScheduleInsert>;
}
