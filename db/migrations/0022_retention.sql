CREATE TABLE "retention_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"job_days" integer,
	"keep_per_template" integer DEFAULT 0 NOT NULL,
	"output_days" integer,
	"run_at" text DEFAULT '03:00' NOT NULL,
	"next_run_at" bigint,
	"running_since" bigint,
	"last_run" jsonb,
	"updated_at" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "retention_settings_one_row" CHECK (id = 1)
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "output_purged" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The policy's one row, off: nothing is cleaned until an admin sets it.
INSERT INTO "retention_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
