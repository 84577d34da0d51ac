ALTER TABLE "projects" ADD COLUMN "scm_revision" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "sync_error" text DEFAULT '' NOT NULL;