import { bigint, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

/** A user's named views of the job history: the history's query string, without its page. */
export const savedFilters = pgTable(
  "saved_filters",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** `state=failed&ordering=-duration`: normalized by the history's parsers, no leading `?` */
    query: text("query").notNull().default(""),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // a name is unique per user; the menu's list (`user_id = ?` ordered by name) and the user's delete cascade
    uniqueIndex("saved_filters_user_name_idx").on(t.userId, t.name),
  ],
);
