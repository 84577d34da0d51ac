import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { promptOverrideColumns } from "./run-options";

export const schedules = pgTable(
  "schedules",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    templateId: integer("template_id").notNull(),
    cron: text("cron").notNull(),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    enabled: boolean("enabled").notNull().default(true),
    ownerId: integer("owner_id"),
    // overrides of what the template asks at launch; null = take the template's
    ...promptOverrideColumns(),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
    /** the due time the scheduler fires next; null: computed from now on its next tick */
    nextFireAt: bigint("next_fire_at", { mode: "number" }),
    /** why the last fire launched nothing, or why the schedule was disabled */
    lastError: text("last_error").notNull().default(""),
  },
  (t) => [
    // `?name=` filter on the schedule list
    index("schedules_name_idx").on(t.name),
    // the scheduler's tick: enabled schedules that are due
    index("schedules_due_idx")
      .on(t.nextFireAt)
      .where(sql`${t.enabled}`),
    // schedules of a template (template deletion disables them)
    index("schedules_template_idx").on(t.templateId),
  ],
);
