ALTER TABLE "inventories" ADD COLUMN "max_concurrent_jobs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "allow_simultaneous" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "max_concurrent_jobs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_inventory_state_id_idx" ON "jobs" USING btree ("inventory_id","state","id");