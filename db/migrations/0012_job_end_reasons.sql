ALTER TABLE "templates" ADD COLUMN "timeout" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "timeout" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "canceled_by" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "canceled_at" bigint;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "progress_at" bigint;