import { bigint, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

export const projects = pgTable(
  "projects",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    scmType: text("scm_type").notNull().default("manual"),
    scmUrl: text("scm_url").notNull().default(""),
    scmBranch: text("scm_branch").notNull().default(""),
    localPath: text("local_path").notNull().default(""),
    playbooks: jsonb("playbooks").$type<string[]>().notNull().default([]),
    /** git: the commit of the last sync */
    scmRevision: text("scm_revision").notNull().default(""),
    /** git: why the last sync failed ("" when it worked) */
    syncError: text("sync_error").notNull().default(""),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the project list
    index("projects_name_idx").on(t.name),
  ],
);
