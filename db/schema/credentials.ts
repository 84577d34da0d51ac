import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

export const credentials = pgTable(
  "credentials",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    username: text("username").notNull().default(""),
    password: text("password").notNull().default(""),
    sshKey: text("ssh_key").notNull().default(""),
    becomeMethod: text("become_method").notNull().default("sudo"),
    becomeUser: text("become_user").notNull().default(""),
    becomePassword: text("become_password").notNull().default(""),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the credential list
    index("credentials_name_idx").on(t.name),
  ],
);
