import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Executor processes: a job whose worker stops beating is ended `error`. A row is a
 * lease on the worker id: only the process holding `instance` beats, stops or takes it.
 */
export const workers = pgTable("workers", {
  id: text("id").primaryKey(),
  /** a random token of the process that holds this id; another process with the same id waits for it */
  instance: text("instance").notNull().default(""),
  hostname: text("hostname").notNull(),
  pid: integer("pid").notNull(),
  capacity: integer("capacity").notNull(),
  /** how its jobs run: "sandbox", "off" (SANDBOX=off) or "unavailable" (refuses jobs); the UI warns unless "sandbox" */
  sandbox: text("sandbox").notNull().default("sandbox"),
  startedAt: bigint("started_at", { mode: "number" }).notNull(),
  heartbeatAt: bigint("heartbeat_at", { mode: "number" }).notNull(),
});
