-- Wakes executors the moment a job is launched: a NOTIFY on channel zuoye_new_job
-- (sent at commit) when an INSERT adds jobs in state `new`. Dispatchers also poll, so a
-- lost notification only costs latency.
CREATE FUNCTION jobs_notify_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE state = 'new') THEN
    PERFORM pg_notify('zuoye_new_job', '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_notify_new AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify_new();
