import type { Db } from "@/db/client";
import { boolean } from "@/lib/drf/fields";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { retentionMessages } from "@/lib/contracts/retention";
import { assertValid, ValidationError } from "@/core/errors";
import { readRetentionSettings } from "@/core/retention/retention-settings";
import { dryRunRetention, runRetentionNow } from "@/core/retention/run-retention";

/** `POST …/run/`: `{"dry_run": true}` counts what would go (none without a policy); otherwise the cleanup runs now (synchronously). */
export async function runRetentionRequest(db: Db, source: FieldSource) {
  const { values, errors } = parseFields({ dry_run: boolean() }, source, { partial: true });
  assertValid(errors);
  if (values.dry_run) return { dry_run: true, ...(await dryRunRetention(db)) };
  const settings = await readRetentionSettings(db);
  if (!settings.jobDays && !settings.outputDays) throw new ValidationError({ non_field_errors: [retentionMessages.nothingToDo] });
  const run = await runRetentionNow(db);
  return {
    dry_run: false,
    jobs: run.jobs_deleted,
    output_jobs: run.output_jobs,
    output_lines: run.output_lines,
    errors: run.errors,
  };
}
