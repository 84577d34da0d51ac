DROP INDEX "jobs_start_time_idx";--> statement-breakpoint
DROP INDEX "jobs_finish_time_idx";--> statement-breakpoint
DROP INDEX "jobs_ctime_idx";--> statement-breakpoint
CREATE INDEX "jobs_start_time_id_idx" ON "jobs" USING btree ("start_time","id");--> statement-breakpoint
CREATE INDEX "jobs_finish_time_id_idx" ON "jobs" USING btree ("finish_time","id");--> statement-breakpoint
CREATE INDEX "jobs_ctime_id_idx" ON "jobs" USING btree ("ctime","id");