ALTER TABLE "schedules" ADD COLUMN "next_fire_at" bigint;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "last_error" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "schedules_due_idx" ON "schedules" USING btree ("next_fire_at") WHERE "schedules"."enabled";