import { bigint, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

export const inventories = pgTable(
  "inventories",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    content: text("content").notNull().default(""),
    variables: text("variables").notNull().default(""),
    hosts: jsonb("hosts").$type<string[]>().notNull().default([]),
    /** at most this many jobs on this inventory waiting or running at once; 0 = no limit */
    maxConcurrentJobs: integer("max_concurrent_jobs").notNull().default(0),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the inventory list
    index("inventories_name_idx").on(t.name),
  ],
);
