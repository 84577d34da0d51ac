ALTER TABLE "templates" ADD COLUMN "ask_inventory_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_credential_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_job_type_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_forks_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_limit_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_tags_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_skip_tags_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_verbosity_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_variables_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "ask_diff_mode_on_launch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "inventory_id" integer;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "credential_id" integer;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "forks" integer;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "diff_mode" smallint;--> statement-breakpoint
-- A schedule's overrides now take effect only where its template asks at launch: the
-- templates of schedules that override a field before this ask for it, so they run as before.
UPDATE "templates" AS t SET
  "ask_limit_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."limit" IS NOT NULL),
  "ask_tags_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."tags" IS NOT NULL),
  "ask_skip_tags_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."skip_tags" IS NOT NULL),
  "ask_variables_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."variables" IS NOT NULL),
  "ask_verbosity_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."verbosity" IS NOT NULL),
  "ask_job_type_on_launch" = EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id" AND s."job_type" IS NOT NULL)
WHERE EXISTS (SELECT 1 FROM "schedules" s WHERE s."template_id" = t."id");
