-- Keeps job_counts (exact counts per filter combination) in step with jobs.
-- Statement-level triggers with transition tables: a bulk insert or delete of a
-- million rows costs one grouped upsert, and rows are upserted in key order so two
-- concurrent bulk statements take row locks in the same order.
CREATE FUNCTION job_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_counts AS c (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
    SELECT coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0),
           coalesce(project_id, 0), state, kind, job_type, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
    DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO job_counts AS c (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
    SELECT coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0), coalesce(schedule_id, 0),
           coalesce(project_id, 0), state, kind, job_type, -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
    DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO job_counts AS c (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type, n)
    SELECT t, i, cr, s, p, st, k, jt, sum(d)
    FROM (
      SELECT coalesce(template_id, 0) t, coalesce(inventory_id, 0) i, coalesce(credential_id, 0) cr,
             coalesce(schedule_id, 0) s, coalesce(project_id, 0) p, state st, kind k, job_type jt, -1 d FROM old_rows
      UNION ALL
      SELECT coalesce(template_id, 0), coalesce(inventory_id, 0), coalesce(credential_id, 0),
             coalesce(schedule_id, 0), coalesce(project_id, 0), state, kind, job_type, 1 FROM new_rows
    ) delta
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (template_id, inventory_id, credential_id, schedule_id, project_id, state, kind, job_type)
    DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_counts_insert AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_counts_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_counts_delete AFTER DELETE ON jobs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION job_counts_apply();
--> statement-breakpoint
CREATE TRIGGER jobs_counts_update AFTER UPDATE ON jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_counts_apply();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers: empty the counts with it.
CREATE FUNCTION job_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_counts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_counts_truncate AFTER TRUNCATE ON jobs
  FOR EACH STATEMENT EXECUTE FUNCTION job_counts_truncate();
