CREATE TABLE "job_events" (
	"job_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"event" text NOT NULL,
	"play" text DEFAULT '' NOT NULL,
	"task" text DEFAULT '' NOT NULL,
	"host" text DEFAULT '' NOT NULL,
	"changed" boolean DEFAULT false NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"line_no" integer NOT NULL,
	"created" bigint NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "job_events_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "job_host_summaries" (
	"job_id" integer NOT NULL,
	"host" text NOT NULL,
	"ok" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"unreachable" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"rescued" integer DEFAULT 0 NOT NULL,
	"ignored" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "job_host_summaries_job_id_host_pk" PRIMARY KEY("job_id","host")
);
--> statement-breakpoint
CREATE TABLE "job_output_lines" (
	"job_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "job_output_lines_job_id_line_no_pk" PRIMARY KEY("job_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"hostname" text NOT NULL,
	"pid" integer NOT NULL,
	"capacity" integer NOT NULL,
	"started_at" bigint NOT NULL,
	"heartbeat_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "worker_id" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "explanation" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_worker_idx" ON "jobs" USING btree ("worker_id") WHERE "jobs"."worker_id" is not null;