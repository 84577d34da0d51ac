CREATE TABLE "job_bucket_totals" (
	"axis" text NOT NULL,
	"bucket" bigint NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "job_bucket_totals_axis_bucket_pk" PRIMARY KEY("axis","bucket")
);
--> statement-breakpoint
CREATE TABLE "job_buckets" (
	"axis" text NOT NULL,
	"bucket" bigint NOT NULL,
	"template_id" integer NOT NULL,
	"inventory_id" integer NOT NULL,
	"credential_id" integer NOT NULL,
	"schedule_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"job_type" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_user_counts" (
	"cuser_id" integer NOT NULL,
	"template_id" integer NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"job_type" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_buckets_key_idx" ON "job_buckets" USING btree ("axis","bucket","template_id","inventory_id","credential_id","schedule_id","project_id","state","kind","job_type") INCLUDE ("n");--> statement-breakpoint
CREATE UNIQUE INDEX "job_user_counts_key_idx" ON "job_user_counts" USING btree ("cuser_id","template_id","state","kind","job_type");--> statement-breakpoint
-- floor(v / size) for any sign (integer division truncates toward zero); a null time is
-- NULL_BUCKET (db/schema/jobs.ts): past every day, where PostgreSQL sorts nulls ascending.
CREATE FUNCTION job_bucket_of(v bigint, size integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IS NULL THEN 9007199254740991 WHEN v >= 0 THEN v / size ELSE (v + 1) / size - 1 END
$$;
--> statement-breakpoint
-- Keeps job_buckets (jobs per bucket of each ordering axis and job_counts combination),
-- their sums per bucket (job_bucket_totals) and job_user_counts in step with jobs, as 0001
-- keeps job_counts: statement-level triggers with transition tables, one grouped upsert per
-- table in key order. Buckets that fall to zero are deleted (a retention run empties whole
-- days), by the row versions the upsert itself just wrote and locked. The key index of
-- job_buckets INCLUDEs n (drizzle-kit cannot say it), so the sums are index-only scans.
CREATE FUNCTION job_buckets_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
  emptied_totals tid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_user_counts AS c (cuser_id, template_id, state, kind, job_type, n)
    SELECT cuser_id, coalesce(template_id, 0), state, kind, job_type, count(*) FROM new_rows
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (cuser_id, template_id, state, kind, job_type) DO UPDATE SET n = c.n + excluded.n;
    WITH d AS MATERIALIZED (
      SELECT a.axis, a.bucket, coalesce(template_id, 0) t, coalesce(inventory_id, 0) i, coalesce(credential_id, 0) cr,
             coalesce(schedule_id, 0) s, coalesce(project_id, 0) p, state st, kind k, job_type jt, count(*) n
      FROM new_rows CROSS JOIN LATERAL (VALUES ('i', job_bucket_of(id, 4096)), ('c', job_bucket_of(ctime, 86400)),
        ('s', job_bucket_of(start_time, 86400)), ('f', job_bucket_of(finish_time, 86400))) a (axis, bucket)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ), totals AS (
      INSERT INTO job_bucket_totals AS c (axis, bucket, n)
      SELECT axis, bucket, sum(n) FROM d GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (axis, bucket) DO UPDATE SET n = c.n + excluded.n
    )
    INSERT INTO job_buckets AS c (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
    SELECT * FROM d ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
    DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO job_user_counts AS c (cuser_id, template_id, state, kind, job_type, n)
    SELECT cuser_id, coalesce(template_id, 0), state, kind, job_type, -count(*) FROM old_rows
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (cuser_id, template_id, state, kind, job_type) DO UPDATE SET n = c.n + excluded.n;
    WITH d AS MATERIALIZED (
      SELECT a.axis, a.bucket, coalesce(template_id, 0) t, coalesce(inventory_id, 0) i, coalesce(credential_id, 0) cr,
             coalesce(schedule_id, 0) s, coalesce(project_id, 0) p, state st, kind k, job_type jt, -count(*) n
      FROM old_rows CROSS JOIN LATERAL (VALUES ('i', job_bucket_of(id, 4096)), ('c', job_bucket_of(ctime, 86400)),
        ('s', job_bucket_of(start_time, 86400)), ('f', job_bucket_of(finish_time, 86400))) a (axis, bucket)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ), totals AS (
      INSERT INTO job_bucket_totals AS c (axis, bucket, n)
      SELECT axis, bucket, sum(n) FROM d GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (axis, bucket) DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    ), up AS (
      INSERT INTO job_buckets AS c (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
      SELECT * FROM d ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ON CONFLICT (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
      DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    )
    SELECT (SELECT array_agg(ctid) FROM up WHERE n = 0), (SELECT array_agg(ctid) FROM totals WHERE n = 0) INTO emptied, emptied_totals;
  ELSE
    INSERT INTO job_user_counts AS c (cuser_id, template_id, state, kind, job_type, n)
    SELECT u, t, st, k, jt, sum(d) FROM (
      SELECT cuser_id u, coalesce(template_id, 0) t, state st, kind k, job_type jt, -1 d FROM old_rows
      UNION ALL
      SELECT cuser_id, coalesce(template_id, 0), state, kind, job_type, 1 FROM new_rows
    ) delta
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (cuser_id, template_id, state, kind, job_type) DO UPDATE SET n = c.n + excluded.n;
    WITH d AS MATERIALIZED (
      SELECT a.axis, a.bucket, r.t, r.i, r.cr, r.s, r.p, r.st, r.k, r.jt, sum(r.d) n
      FROM (
        SELECT id, ctime, start_time, finish_time, coalesce(template_id, 0) t, coalesce(inventory_id, 0) i,
               coalesce(credential_id, 0) cr, coalesce(schedule_id, 0) s, coalesce(project_id, 0) p,
               state st, kind k, job_type jt, -1 d FROM old_rows
        UNION ALL
        SELECT id, ctime, start_time, finish_time, coalesce(template_id, 0), coalesce(inventory_id, 0),
               coalesce(credential_id, 0), coalesce(schedule_id, 0), coalesce(project_id, 0), state, kind, job_type, 1 FROM new_rows
      ) r CROSS JOIN LATERAL (VALUES ('i', job_bucket_of(r.id, 4096)), ('c', job_bucket_of(r.ctime, 86400)),
        ('s', job_bucket_of(r.start_time, 86400)), ('f', job_bucket_of(r.finish_time, 86400))) a (axis, bucket)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(r.d) <> 0
    ), totals AS (
      INSERT INTO job_bucket_totals AS c (axis, bucket, n)
      SELECT axis, bucket, sum(n) FROM d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
      ON CONFLICT (axis, bucket) DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    ), up AS (
      INSERT INTO job_buckets AS c (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
      SELECT * FROM d ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ON CONFLICT (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
      DO UPDATE SET n = c.n + excluded.n
      RETURNING c.ctid, c.n
    )
    SELECT (SELECT array_agg(ctid) FROM up WHERE n = 0), (SELECT array_agg(ctid) FROM totals WHERE n = 0) INTO emptied, emptied_totals;
  END IF;
  IF emptied IS NOT NULL THEN
    DELETE FROM job_buckets WHERE ctid = ANY(emptied);
  END IF;
  IF emptied_totals IS NOT NULL THEN
    DELETE FROM job_bucket_totals WHERE ctid = ANY(emptied_totals);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_buckets_insert AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_buckets_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_buckets_delete AFTER DELETE ON jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_buckets_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_buckets_update AFTER UPDATE ON jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_buckets_apply();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers: empty them with it.
CREATE FUNCTION job_buckets_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_buckets;
  DELETE FROM job_bucket_totals;
  DELETE FROM job_user_counts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_buckets_truncate AFTER TRUNCATE ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION job_buckets_truncate();
--> statement-breakpoint
-- jobs that exist already; CREATE TRIGGER above holds a lock that keeps writers out until commit
INSERT INTO job_user_counts (cuser_id, template_id, state, kind, job_type, n)
SELECT cuser_id, coalesce(template_id, 0), state, kind, job_type, count(*) FROM jobs GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO job_buckets (axis, bucket, template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
SELECT a.axis, a.bucket, coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0),
       coalesce(schedule_id, 0), coalesce(project_id, 0), state, kind, job_type, count(*)
FROM jobs CROSS JOIN LATERAL (VALUES ('i', job_bucket_of(id, 4096)), ('c', job_bucket_of(ctime, 86400)),
  ('s', job_bucket_of(start_time, 86400)), ('f', job_bucket_of(finish_time, 86400))) a (axis, bucket)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
--> statement-breakpoint
INSERT INTO job_bucket_totals (axis, bucket, n) SELECT axis, bucket, sum(n) FROM job_buckets GROUP BY 1, 2;
