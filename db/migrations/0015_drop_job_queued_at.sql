-- A launch is queued by its row alone (executor/claim-next-job.ts): the outbox column
-- and pg-boss's tables are gone.
ALTER TABLE "jobs" DROP COLUMN "queued_at";
--> statement-breakpoint
DROP SCHEMA IF EXISTS "pgboss" CASCADE;
