import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/** Executor processes: a job whose worker stops beating is ended `error`. */
export const workers = pgTable("workers", {
  id: text("id").primaryKey(),
  hostname: text("hostname").notNull(),
  pid: integer("pid").notNull(),
  capacity: integer("capacity").notNull(),
  startedAt: bigint("started_at", { mode: "number" }).notNull(),
  heartbeatAt: bigint("heartbeat_at", { mode: "number" }).notNull(),
});
