-- Keeps job_id_blocks (jobs per block of 4096 consecutive ids) in step with jobs, as
-- 0001 does for job_counts: statement-level triggers with transition tables, blocks
-- upserted in key order. Updates only matter when they change an id.
CREATE FUNCTION job_id_blocks_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_id_blocks AS b (block, n)
    SELECT id / 4096, count(*) FROM new_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (block) DO UPDATE SET n = b.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO job_id_blocks AS b (block, n)
    SELECT id / 4096, -count(*) FROM old_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (block) DO UPDATE SET n = b.n + excluded.n;
  ELSE
    INSERT INTO job_id_blocks AS b (block, n)
    SELECT block, sum(d) FROM (
      SELECT id / 4096 AS block, -1 AS d FROM old_rows
      UNION ALL
      SELECT id / 4096, 1 FROM new_rows
    ) delta
    GROUP BY 1 HAVING sum(d) <> 0 ORDER BY 1
    ON CONFLICT (block) DO UPDATE SET n = b.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_id_blocks_insert AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_id_blocks_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_id_blocks_delete AFTER DELETE ON jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_id_blocks_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_id_blocks_update AFTER UPDATE ON jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_id_blocks_apply();
--> statement-breakpoint
CREATE FUNCTION job_id_blocks_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_id_blocks;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_id_blocks_truncate AFTER TRUNCATE ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION job_id_blocks_truncate();
--> statement-breakpoint
-- jobs that exist already; CREATE TRIGGER above holds a lock that keeps writers out until commit
INSERT INTO job_id_blocks (block, n) SELECT id / 4096, count(*) FROM jobs GROUP BY 1;
