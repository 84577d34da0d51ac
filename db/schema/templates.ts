import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { runOptionColumns } from "./run-options";

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
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the template list
    index("templates_name_idx").on(t.name),
  ],
);
