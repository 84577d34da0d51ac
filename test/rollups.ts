import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { ctx } from "./api";

type Diff = { what: string; n: string | number };

/**
 * Every kept count against the rows it counts: job_counts, job_id_blocks, job_user_counts,
 * job_buckets and job_bucket_totals (no empty bucket left), job_day_blocks, job_stats_daily
 * and job_durations_daily against `jobs`, hosts against `job_host_summaries`. Returns the
 * groups where they differ (none when consistent).
 */
export async function rollupDiffs(): Promise<Diff[]> {
  const { db } = await ctx();
  return rowsOf<Diff>(
    await db.execute(sql`
      select 'job_counts' as what, count(*) as n from (
        (select template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n from job_counts where n <> 0
         except all
         select coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0), coalesce(project_id, 0),
                state, kind, job_type, count(*) from jobs group by 1, 2, 3, 4, 5, 6, 7, 8)
        union all
        (select coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0), coalesce(project_id, 0),
                state, kind, job_type, count(*) from jobs group by 1, 2, 3, 4, 5, 6, 7, 8
         except all
         select template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n from job_counts where n <> 0)
      ) d having count(*) > 0
      union all
      select 'job_id_blocks', abs((select coalesce(sum(n), 0) from job_id_blocks) - (select count(*) from jobs))
      where (select coalesce(sum(n), 0) from job_id_blocks) <> (select count(*) from jobs)
      union all
      select 'job_user_counts', count(*) from (
        (select cuser_id, template_id, state, kind, job_type, n from job_user_counts where n <> 0
         except all
         select cuser_id, coalesce(template_id, 0), state, kind, job_type, count(*) from jobs group by 1, 2, 3, 4, 5)
        union all
        (select cuser_id, coalesce(template_id, 0), state, kind, job_type, count(*) from jobs group by 1, 2, 3, 4, 5
         except all
         select cuser_id, template_id, state, kind, job_type, n from job_user_counts where n <> 0)
      ) d having count(*) > 0
      union all
      select 'job_buckets', count(*) from (
        (select axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n from job_buckets
         except all
         select a.axis, a.bucket, coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0),
                coalesce(project_id, 0), state, kind, job_type, count(*)
         from jobs cross join lateral (values ('i', job_bucket_of(id, 4096)), ('c', job_bucket_of(ctime, 86400)),
           ('s', job_bucket_of(start_time, 86400)), ('f', job_bucket_of(finish_time, 86400))) a (axis, bucket)
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
        union all
        (select a.axis, a.bucket, coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0),
                coalesce(project_id, 0), state, kind, job_type, count(*)
         from jobs cross join lateral (values ('i', job_bucket_of(id, 4096)), ('c', job_bucket_of(ctime, 86400)),
           ('s', job_bucket_of(start_time, 86400)), ('f', job_bucket_of(finish_time, 86400))) a (axis, bucket)
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
         except all
         select axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n from job_buckets)
      ) d having count(*) > 0
      union all
      select 'job_bucket_totals', count(*) from (
        (select axis, bucket, n from job_bucket_totals
         except all
         select axis, bucket, sum(n) from job_buckets group by 1, 2)
        union all
        (select axis, bucket, sum(n) from job_buckets group by 1, 2
         except all
         select axis, bucket, n from job_bucket_totals)
      ) d having count(*) > 0
      union all
      select 'job_day_blocks', count(*) from (
        (select axis, day, block, n from job_day_blocks
         except all
         select a.axis, job_bucket_of(a.t, 86400), job_bucket_of(id, 4096), count(*)
         from jobs cross join lateral (values ('c', ctime), ('s', start_time), ('f', finish_time)) a (axis, t)
         where a.t is not null group by 1, 2, 3)
        union all
        (select a.axis, job_bucket_of(a.t, 86400), job_bucket_of(id, 4096), count(*)
         from jobs cross join lateral (values ('c', ctime), ('s', start_time), ('f', finish_time)) a (axis, t)
         where a.t is not null group by 1, 2, 3
         except all
         select axis, day, block, n from job_day_blocks)
      ) d having count(*) > 0
      union all
      select 'job_stats_daily', abs((select coalesce(sum(n), 0) from job_stats_daily)
        - (select count(*) from jobs where state in ('successful', 'failed', 'canceled', 'error')))
      where (select coalesce(sum(n), 0) from job_stats_daily) <> (select count(*) from jobs where state in ('successful', 'failed', 'canceled', 'error'))
      union all
      select 'job_durations_daily', 1
      where (select coalesce(sum(n), 0) from job_durations_daily)
        <> (select count(*) from jobs where state = 'successful' and start_time is not null and finish_time is not null)
      union all
      select 'hosts', count(*) from hosts h
      where h.jobs <> (select count(*) from job_host_summaries s where s.host = h.name)
      having count(*) > 0`),
  );
}
