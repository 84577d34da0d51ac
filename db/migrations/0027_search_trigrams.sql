-- `?search=` words looked up by trigrams instead of ten ILIKEs over every job. pg_trgm is
-- a contrib extension of PostgreSQL (trusted: the database's owner may create it); the
-- embedded PGlite loads its build of it (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The ten searched columns as one text, a line each (db/schema/jobs.ts `jobSearchText`):
-- a search word holds no whitespace, so it is part of this text exactly when it is part of
-- one of the columns. Plain `||` and coalesce, so the function is truly immutable.
CREATE FUNCTION job_search_text(user_name text, lim text, inventory_name text, credential_name text, template_name text,
  playbook text, arguments text, module text, schedule_name text, project_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(user_name, '') || E'\n' || coalesce(lim, '') || E'\n' || coalesce(inventory_name, '') || E'\n'
    || coalesce(credential_name, '') || E'\n' || coalesce(template_name, '') || E'\n' || coalesce(playbook, '') || E'\n'
    || coalesce(arguments, '') || E'\n' || coalesce(module, '') || E'\n' || coalesce(schedule_name, '') || E'\n'
    || coalesce(project_name, '')
$$;
--> statement-breakpoint
CREATE INDEX "jobs_search_trgm_idx" ON "jobs" USING gin (job_search_text("user_name", "limit", "inventory_name", "credential_name", "template_name", "playbook", "arguments", "module", "schedule_name", "project_name") gin_trgm_ops);
