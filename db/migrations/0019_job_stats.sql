CREATE TABLE "host_failures_daily" (
	"day" integer NOT NULL,
	"host" text NOT NULL,
	"status" text NOT NULL,
	"template_id" integer NOT NULL,
	"inventory_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_durations_daily" (
	"day" integer NOT NULL,
	"template_id" integer NOT NULL,
	"inventory_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"bucket" smallint NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_stats_daily" (
	"day" integer NOT NULL,
	"template_id" integer NOT NULL,
	"inventory_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"state" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_host_summaries" ADD COLUMN "template_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_host_summaries" ADD COLUMN "inventory_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_host_summaries" ADD COLUMN "project_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "host_failures_daily_key_idx" ON "host_failures_daily" USING btree ("day","host","status","template_id","inventory_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_durations_daily_key_idx" ON "job_durations_daily" USING btree ("day","template_id","inventory_id","project_id","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "job_stats_daily_key_idx" ON "job_stats_daily" USING btree ("day","template_id","inventory_id","project_id","state");--> statement-breakpoint
CREATE INDEX "job_host_summaries_failed_seen_idx" ON "job_host_summaries" USING btree ("seen_at") WHERE "job_host_summaries"."status" in ('failed', 'unreachable');
--> statement-breakpoint
-- The calendar day (days since 1970-01-01) the stats count a time on: Asia/Shanghai, as
-- STATS_DAY_ZONE in lib/jobs/stats-days.ts. Stats asked in another zone count from jobs.
CREATE FUNCTION job_stats_day(t bigint) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ((to_timestamp(t) AT TIME ZONE 'Asia/Shanghai')::date - date '1970-01-01')
$$;
--> statement-breakpoint
-- A successful run's duration bucket: lib/jobs/duration-buckets.ts wrote the edges (a test checks them).
CREATE OR REPLACE FUNCTION job_duration_bucket(seconds bigint) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN seconds < 120 THEN greatest(seconds, 0)::smallint
    ELSE (119 + width_bucket(seconds, '{120,126,132,138,144,151,158,165,173,181,190,199,208,218,228,239,250,262,275,288,302,317,332,348,365,383,402,422,443,465,488,512,537,563,591,620,651,683,717,752,789,828,869,912,957,1004,1054,1106,1161,1219,1279,1342,1409,1479,1552,1629,1710,1795,1884,1978,2076,2179,2287,2401,2521,2647,2779,2917,3062,3215,3375,3543,3720,3906,4101,4306,4521,4747,4984,5233,5494,5768,6056,6358,6675,7008,7358,7725,8111,8516,8941,9388,9857,10349,10866,11409,11979,12577,13205,13865,14558,15285,16049,16851,17693,18577,19505,20480,21504,22579,23707,24892,26136,27442,28814,30254,31766,33354,35021,36772,38610,40540,42567,44695,46929,49275,51738,54324,57040,59892,62886,66030,69331,72797,76436,80257,84269,88482,92906,97551,102428,107549,112926,118572,124500,130725,137261,144124,151330,158896,166840,175182,183941,193138,202794,212933,223579,234757,246494,258818,271758,285345,299612,314592,330321,346837,364178,382386,401505,421580,442659,464791,488030,512431,538052,564954,593201,622861,654004,686704,721039,757090,794944,834691,876425,920246,966258,1014570,1065298,1118562,1174490,1233214,1294874,1359617,1427597,1498976,1573924,1652620,1735251,1822013,1913113,2008768,2109206,2214666,2325399,2441668,2563751,2691938,2826534,2967860,3116253,3272065,3435668,3607451,3787823,3977214,4176074,4384877,4604120,4834326,5076042,5329844,5596336,5876152,6169959,6478456,6802378,7142496,7499620,7874601,8268331,8681747}'::bigint[]))::smallint END
$$;
--> statement-breakpoint
-- Keeps job_stats_daily and job_durations_daily in step with jobs, as job_counts is kept
-- (migration 0001): statement-level, grouped, upserted in key order. A job counts once it
-- has a final state, on the day it ended; rows of jobs still queued or running (heartbeat
-- updates) fall out before grouping.
CREATE FUNCTION job_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_stats_daily AS c (day, template_id, inventory_id, project_id, state, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(coalesce(finish_time, start_time, ctime)), coalesce(template_id, 0), coalesce(inventory_id, 0),
           coalesce(project_id, 0), state, 1 FROM new_rows WHERE state IN ('successful', 'failed', 'canceled', 'error')) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, state) DO UPDATE SET n = c.n + excluded.n;
    INSERT INTO job_durations_daily AS c (day, template_id, inventory_id, project_id, bucket, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(finish_time), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0),
           job_duration_bucket(finish_time - start_time), 1 FROM new_rows WHERE state = 'successful' AND start_time IS NOT NULL AND finish_time IS NOT NULL) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, bucket) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO job_stats_daily AS c (day, template_id, inventory_id, project_id, state, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(coalesce(finish_time, start_time, ctime)), coalesce(template_id, 0), coalesce(inventory_id, 0),
           coalesce(project_id, 0), state, -1 FROM old_rows WHERE state IN ('successful', 'failed', 'canceled', 'error')) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, state) DO UPDATE SET n = c.n + excluded.n;
    INSERT INTO job_durations_daily AS c (day, template_id, inventory_id, project_id, bucket, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(finish_time), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0),
           job_duration_bucket(finish_time - start_time), -1 FROM old_rows WHERE state = 'successful' AND start_time IS NOT NULL AND finish_time IS NOT NULL) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, bucket) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO job_stats_daily AS c (day, template_id, inventory_id, project_id, state, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(coalesce(finish_time, start_time, ctime)), coalesce(template_id, 0), coalesce(inventory_id, 0),
           coalesce(project_id, 0), state, -1 FROM old_rows WHERE state IN ('successful', 'failed', 'canceled', 'error')
      UNION ALL SELECT job_stats_day(coalesce(finish_time, start_time, ctime)), coalesce(template_id, 0), coalesce(inventory_id, 0),
           coalesce(project_id, 0), state, 1 FROM new_rows WHERE state IN ('successful', 'failed', 'canceled', 'error')) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, state) DO UPDATE SET n = c.n + excluded.n;
    INSERT INTO job_durations_daily AS c (day, template_id, inventory_id, project_id, bucket, n)
    SELECT day, t, i, p, k, sum(d) FROM (SELECT job_stats_day(finish_time), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0),
           job_duration_bucket(finish_time - start_time), -1 FROM old_rows WHERE state = 'successful' AND start_time IS NOT NULL AND finish_time IS NOT NULL
      UNION ALL SELECT job_stats_day(finish_time), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0),
           job_duration_bucket(finish_time - start_time), 1 FROM new_rows WHERE state = 'successful' AND start_time IS NOT NULL AND finish_time IS NOT NULL) delta (day, t, i, p, k, d)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, template_id, inventory_id, project_id, bucket) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_stats_insert AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_stats_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_stats_delete AFTER DELETE ON jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_stats_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_stats_update AFTER UPDATE ON jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_stats_apply();
--> statement-breakpoint
CREATE FUNCTION job_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_stats_daily;
  DELETE FROM job_durations_daily;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_stats_truncate AFTER TRUNCATE ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION job_stats_truncate();
--> statement-breakpoint
-- A result carries its job's template, inventory and project (0: none) from when it is
-- first written, so the failing hosts can be counted per dimension even after the job
-- row is gone (a deletion removes the job first, then its results).
CREATE FUNCTION job_host_summaries_take_job_dimensions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0)
    INTO NEW.template_id, NEW.inventory_id, NEW.project_id FROM jobs WHERE id = NEW.job_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_host_summaries_take_job_dimensions BEFORE INSERT ON job_host_summaries
  FOR EACH ROW EXECUTE FUNCTION job_host_summaries_take_job_dimensions();
--> statement-breakpoint
-- Results written before this migration (the hosts roll-up ignores these columns).
ALTER TABLE job_host_summaries DISABLE TRIGGER job_host_summaries_keep_hosts;
--> statement-breakpoint
UPDATE job_host_summaries h SET template_id = coalesce(j.template_id, 0), inventory_id = coalesce(j.inventory_id, 0), project_id = coalesce(j.project_id, 0)
  FROM jobs j WHERE j.id = h.job_id;
--> statement-breakpoint
ALTER TABLE job_host_summaries ENABLE TRIGGER job_host_summaries_keep_hosts;
--> statement-breakpoint
-- Keeps host_failures_daily in step with job_host_summaries: a failed or unreachable
-- result counts on the day it was last written; a later write moves it.
CREATE FUNCTION job_host_summaries_keep_failures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND job_stats_day(NEW.seen_at) = job_stats_day(OLD.seen_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status IN ('failed', 'unreachable') THEN
    UPDATE host_failures_daily SET n = n - 1
      WHERE day = job_stats_day(OLD.seen_at) AND host = OLD.host AND status = OLD.status
        AND template_id = OLD.template_id AND inventory_id = OLD.inventory_id AND project_id = OLD.project_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN ('failed', 'unreachable') THEN
    INSERT INTO host_failures_daily AS c (day, host, status, template_id, inventory_id, project_id, n)
      VALUES (job_stats_day(NEW.seen_at), NEW.host, NEW.status, NEW.template_id, NEW.inventory_id, NEW.project_id, 1)
    ON CONFLICT (day, host, status, template_id, inventory_id, project_id) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_host_summaries_keep_failures AFTER INSERT OR UPDATE OR DELETE ON job_host_summaries
  FOR EACH ROW EXECUTE FUNCTION job_host_summaries_keep_failures();
--> statement-breakpoint
CREATE FUNCTION job_host_summaries_failures_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM host_failures_daily;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_host_summaries_failures_truncate AFTER TRUNCATE ON job_host_summaries
  FOR EACH STATEMENT EXECUTE FUNCTION job_host_summaries_failures_truncate();
--> statement-breakpoint
-- Jobs and results written before this migration.
INSERT INTO job_stats_daily (day, template_id, inventory_id, project_id, state, n)
  SELECT job_stats_day(coalesce(finish_time, start_time, ctime)), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0), state, count(*)
  FROM jobs WHERE state IN ('successful', 'failed', 'canceled', 'error') GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO job_durations_daily (day, template_id, inventory_id, project_id, bucket, n)
  SELECT job_stats_day(finish_time), coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(project_id, 0), job_duration_bucket(finish_time - start_time), count(*)
  FROM jobs WHERE state = 'successful' AND start_time IS NOT NULL AND finish_time IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO host_failures_daily (day, host, status, template_id, inventory_id, project_id, n)
  SELECT job_stats_day(seen_at), host, status, template_id, inventory_id, project_id, count(*)
  FROM job_host_summaries WHERE status IN ('failed', 'unreachable') GROUP BY 1, 2, 3, 4, 5, 6;
