import { and, eq, lt, not, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { jobOutputLines, jobs, type retentionSettings } from "@/db/schema";
import { notLive } from "../jobs/delete-ended-jobs";

const DAY_S = 86_400;

/** A job's age counts from when it ended (an imported run of 2019 is old), else from its creation. */
const age = sql`coalesce(${jobs.finishTime}, ${jobs.ctime})`;

type Settings = Pick<typeof retentionSettings.$inferSelect, "jobDays" | "keepPerTemplate" | "outputDays">;

/** The cleanup's two conditions on `jobs`, fixed at its start (cut-offs, the kept newest jobs per template). */
export type RetentionPolicy = { deletes: SQL | undefined; dropsOutput: SQL | undefined };

/**
 * The id of each template's K-th newest job (ad-hoc commands, template 0, are one group),
 * for templates with at least K jobs: their jobs below it may go. One index probe of
 * `(template_id, id)` per template, the templates read from the kept counts.
 */
async function keepFloors(db: Db, keep: number): Promise<Record<string, number>> {
  const rows = rowsOf<{ t: number; floor: number | null }>(
    await db.execute(sql`
      select t.template_id as t, (
        select j.id from ${jobs} j where j.template_id = t.template_id order by j.id desc offset ${keep - 1} limit 1
      ) as floor
      from (select distinct template_id from job_counts where n > 0 and template_id <> 0) t
      union all
      select 0, (select j.id from ${jobs} j where j.template_id is null order by j.id desc offset ${keep - 1} limit 1)`),
  );
  const floors: Record<string, number> = {};
  for (const r of rows) if (r.floor !== null) floors[String(r.t)] = Number(r.floor);
  return floors;
}

/**
 * Reads the policy at `now`. A job goes when it ended (else was created) more than `job_days` ago, is not
 * live and is older than its template's K newest (a template it does not know, one created
 * since, keeps all). Its output goes when it ended more than `output_days` ago, not live, not
 * dropped yet, it has lines, and the job itself does not go.
 */
export async function readRetentionPolicy(db: Db, settings: Settings, now: number): Promise<RetentionPolicy> {
  let deletes: SQL | undefined;
  if (settings.jobDays) {
    const conditions: SQL[] = [lt(age, now - settings.jobDays * DAY_S), notLive()];
    if (settings.keepPerTemplate > 0) {
      const floors = JSON.stringify(await keepFloors(db, settings.keepPerTemplate));
      conditions.push(sql`${jobs.id} < coalesce((${floors}::jsonb ->> coalesce(${jobs.templateId}, 0)::text)::int, 0)`);
    }
    deletes = and(...conditions);
  }
  let dropsOutput: SQL | undefined;
  if (settings.outputDays) {
    dropsOutput = and(
      lt(age, now - settings.outputDays * DAY_S),
      eq(jobs.outputPurged, false),
      notLive(),
      sql`exists (select 1 from ${jobOutputLines} where ${jobOutputLines.jobId} = ${jobs.id})`,
      deletes ? not(deletes) : undefined,
    );
  }
  return { deletes, dropsOutput };
}

/** What the policy would remove now: the dry run. */
export async function countRetention(db: Db, policy: RetentionPolicy): Promise<{ jobs: number; output_jobs: number; output_lines: number }> {
  const count = async (q: SQL) => Number(rowsOf<{ n: string | number }>(await db.execute(q))[0]?.n ?? 0);
  const doomed = policy.deletes ? await count(sql`select count(*) as n from ${jobs} where ${policy.deletes}`) : 0;
  if (!policy.dropsOutput) return { jobs: doomed, output_jobs: 0, output_lines: 0 };
  const [row] = rowsOf<{ jobs: string | number; lines: string | number }>(
    await db.execute(sql`
      select count(distinct l.job_id) as jobs, count(*) as lines
      from ${jobOutputLines} l where l.job_id in (select ${jobs.id} from ${jobs} where ${policy.dropsOutput})`),
  );
  return { jobs: doomed, output_jobs: Number(row?.jobs ?? 0), output_lines: Number(row?.lines ?? 0) };
}
