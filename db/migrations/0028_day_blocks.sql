CREATE TABLE "job_day_blocks" (
	"axis" text NOT NULL,
	"day" bigint NOT NULL,
	"block" bigint NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "job_day_blocks_axis_day_block_pk" PRIMARY KEY("axis","day","block")
);
--> statement-breakpoint
-- Keeps job_day_blocks (jobs per day of each time and block of 4096 ids; null times are not
-- kept) in step with jobs, as 0026 keeps job_buckets: statement-level triggers with
-- transition tables, one grouped upsert in key order, rows that fall to zero deleted by the
-- row versions the upsert itself just wrote and locked. A heartbeat's old and new rows
-- cancel out: nothing is written.
CREATE FUNCTION job_day_blocks_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_day_blocks AS c (axis, day, block, n)
    SELECT a.axis, job_bucket_of(a.t, 86400), job_bucket_of(r.id, 4096), count(*)
    FROM new_rows r CROSS JOIN LATERAL (VALUES ('c', r.ctime), ('s', r.start_time), ('f', r.finish_time)) a (axis, t)
    WHERE a.t IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (axis, day, block) DO UPDATE SET n = c.n + excluded.n;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO job_day_blocks AS c (axis, day, block, n)
      SELECT a.axis, job_bucket_of(a.t, 86400), job_bucket_of(r.id, 4096), -count(*)
      FROM old_rows r CROSS JOIN LATERAL (VALUES ('c', r.ctime), ('s', r.start_time), ('f', r.finish_time)) a (axis, t)
      WHERE a.t IS NOT NULL
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (axis, day, block) DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    )
    SELECT array_agg(ctid) FROM up WHERE n = 0 INTO emptied;
  ELSE
    WITH up AS (
      INSERT INTO job_day_blocks AS c (axis, day, block, n)
      SELECT a.axis, job_bucket_of(a.t, 86400), job_bucket_of(r.id, 4096), sum(r.d)
      FROM (
        SELECT id, ctime, start_time, finish_time, -1 d FROM old_rows
        UNION ALL
        SELECT id, ctime, start_time, finish_time, 1 FROM new_rows
      ) r CROSS JOIN LATERAL (VALUES ('c', r.ctime), ('s', r.start_time), ('f', r.finish_time)) a (axis, t)
      WHERE a.t IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum(r.d) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (axis, day, block) DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    )
    SELECT array_agg(ctid) FROM up WHERE n = 0 INTO emptied;
  END IF;
  IF emptied IS NOT NULL THEN
    DELETE FROM job_day_blocks WHERE ctid = ANY(emptied);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_day_blocks_insert AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_day_blocks_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_day_blocks_delete AFTER DELETE ON jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_day_blocks_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_day_blocks_update AFTER UPDATE ON jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_day_blocks_apply();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers: empty it with it.
CREATE FUNCTION job_day_blocks_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_day_blocks;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_day_blocks_truncate AFTER TRUNCATE ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION job_day_blocks_truncate();
--> statement-breakpoint
-- jobs that exist already; CREATE TRIGGER above holds a lock that keeps writers out until commit
INSERT INTO job_day_blocks (axis, day, block, n)
SELECT a.axis, job_bucket_of(a.t, 86400), job_bucket_of(j.id, 4096), count(*)
FROM jobs j CROSS JOIN LATERAL (VALUES ('c', j.ctime), ('s', j.start_time), ('f', j.finish_time)) a (axis, t)
WHERE a.t IS NOT NULL
GROUP BY 1, 2, 3;
