import { bigint, integer, pgTable, text, boolean } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  // unique: login and `npm run user:create` look users up by name
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").notNull().default("admin"),
  isActive: boolean("is_active").notNull().default(true),
  ctime: bigint("ctime", { mode: "number" }).notNull(),
});
