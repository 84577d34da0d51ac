-- Wakes the web processes' live hubs: a NOTIFY on channel zuoye_job with the job's id
-- (sent at commit, so never before the rows it announces) when output lines are stored or
-- a job's state or times change. Triggers rather than calls in the executor: every writer
-- (executor, reaper, a cancel of a job that never started, imports) is covered. The hubs
-- also poll slowly, so a lost notification only costs latency.
CREATE FUNCTION job_output_lines_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('zuoye_job', j.job_id::text) FROM (SELECT DISTINCT job_id FROM new_rows) j;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_output_lines_notify AFTER INSERT ON job_output_lines
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION job_output_lines_notify();
--> statement-breakpoint
CREATE FUNCTION jobs_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('zuoye_job', NEW.id::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_notify_change AFTER UPDATE ON jobs FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.start_time IS DISTINCT FROM NEW.start_time OR OLD.finish_time IS DISTINCT FROM NEW.finish_time)
  EXECUTE FUNCTION jobs_notify_change();
