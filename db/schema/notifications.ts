import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, smallint, text } from "drizzle-orm/pg-core";

/**
 * Where to say that a job started or ended. Its secrets (`secret`, `smtp_password`) are
 * sealed by the secret box, as a credential's are. A trigger on `jobs` (migration 0020)
 * reads `enabled`, `events`, `all_templates` and `template_ids` when a job's state changes.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    events: text("events").array().notNull(),
    allTemplates: boolean("all_templates").notNull().default(true),
    templateIds: integer("template_ids")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    url: text("url").notNull().default(""),
    secret: text("secret").notNull().default(""),
    smtpHost: text("smtp_host").notNull().default(""),
    smtpPort: integer("smtp_port").notNull().default(587),
    smtpTls: text("smtp_tls").notNull().default("starttls"),
    smtpUsername: text("smtp_username").notNull().default(""),
    smtpPassword: text("smtp_password").notNull().default(""),
    smtpFrom: text("smtp_from").notNull().default(""),
    smtpTo: text("smtp_to")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // `?name=` filter on the notification list
    index("notifications_name_idx").on(t.name),
  ],
);

/**
 * Deliveries still to make: the queue. The trigger on `jobs` inserts one row per matching
 * notification in the transaction that changes the job's state, so a crash cannot lose
 * one; an executor claims a due row with SKIP LOCKED, sends, and deletes it or sets its
 * next attempt (exponential backoff).
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    jobId: integer("job_id").notNull(),
    event: text("event").notNull(),
    /** attempts made so far */
    attempts: smallint("attempts").notNull().default(0),
    /** when it may be sent (Unix ms): now, or the next attempt's time */
    dueAt: bigint("due_at", { mode: "number" }).notNull(),
    /** a claim holds it until then (Unix ms); a sender that died lets it go by itself */
    lockedUntil: bigint("locked_until", { mode: "number" }).notNull().default(0),
    ctime: bigint("ctime", { mode: "number" }).notNull(),
  },
  (t) => [
    // the claim: the oldest due row
    index("notification_outbox_due_idx").on(t.dueAt, t.id),
  ],
);

/** Every delivery attempt, sent or not, with what the receiver answered (errors redacted). */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    /** null for the test action */
    jobId: integer("job_id"),
    event: text("event").notNull(),
    attempt: smallint("attempt").notNull(),
    status: text("status").$type<"ok" | "failed">().notNull(),
    responseCode: integer("response_code"),
    error: text("error").notNull().default(""),
    /** the next attempt's time (Unix seconds); null: none follows */
    retryAt: bigint("retry_at", { mode: "number" }),
    time: bigint("time", { mode: "number" }).notNull(),
  },
  (t) => [
    // a notification's delivery log, newest first
    index("notification_deliveries_notification_idx").on(t.notificationId, t.id.desc()),
  ],
);
