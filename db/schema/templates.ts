import { bigint, boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { promptFlagColumns, runOptionColumns } from "./run-options";

export const templates = pgTable(
  "templates",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    projectId: integer("project_id"),
    inventoryId: integer("inventory_id"),
    credentialId: integer("credential_id"),
    ...runOptionColumns(),
    /** false: one job of this template at a time (AWX's `allow_simultaneous`); later launches wait `pending` */
    allowSimultaneous: boolean("allow_simultaneous").notNull().default(true),
    /** at most this many of its jobs waiting or running at once; 0 = no limit */
    maxConcurrentJobs: integer("max_concurrent_jobs").notNull().default(0),
    ...promptFlagColumns(),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the template list
    index("templates_name_idx").on(t.name),
  ],
);
