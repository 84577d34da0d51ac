import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { retentionSettings } from "@/db/schema";
import { RETENTION_INPUT_FIELDS, RUN_AT_PATTERN, retentionMessages } from "@/lib/contracts/retention";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { nextDailyRun, readRetentionSettings, type RetentionSettingsRow } from "@/core/retention/retention-settings";

/**
 * PUT (and PATCH): changes the keys it names. 0 days is stored as null (keep forever).
 * The next daily run is set again from `run_at` when the policy is on.
 */
export async function updateRetention(db: Db, source: FieldSource): Promise<RetentionSettingsRow> {
  const { values, errors } = parseFields(RETENTION_INPUT_FIELDS, source, { partial: true });
  if (values.run_at !== undefined && values.run_at !== null && !RUN_AT_PATTERN.test(values.run_at)) errors.run_at = [retentionMessages.runAt];
  assertValid(errors);
  return db.transaction(async (tx) => {
    const current = await readRetentionSettings(tx, { forUpdate: true });
    const next = {
      enabled: values.enabled ?? current.enabled,
      jobDays: values.job_days === undefined ? current.jobDays : values.job_days || null,
      keepPerTemplate: values.keep_per_template ?? current.keepPerTemplate,
      outputDays: values.output_days === undefined ? current.outputDays : values.output_days || null,
      runAt: values.run_at ?? current.runAt,
    };
    const now = nowSeconds();
    const [row] = await tx
      .update(retentionSettings)
      .set({ ...next, nextRunAt: next.enabled ? nextDailyRun(next.runAt, now) : null, updatedAt: now })
      .where(eq(retentionSettings.id, 1))
      .returning();
    return row!;
  });
}
