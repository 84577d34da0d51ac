import { bigint, index, integer, pgTable, text, boolean } from "drizzle-orm/pg-core";

export { ROLES, type Role } from "@/lib/auth/roles";

export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  // unique: login and `npm run user:create` look users up by name
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role").notNull().default("admin"),
  isActive: boolean("is_active").notNull().default(true),
  ctime: bigint("ctime", { mode: "number" }).notNull(),
  /** argon2id PHC string; null: the user cannot log in with a password (history import) */
  passwordHash: text("password_hash"),
  passwordChangedAt: bigint("password_changed_at", { mode: "number" }),
  lastLoginAt: bigint("last_login_at", { mode: "number" }),
  /** IANA zone the UI shows times in; null: the browser's */
  timeZone: text("time_zone"),
  /** `exact` (wall clock, relative on hover) or `relative` ("3 分钟前", exact on hover) */
  timeDisplay: text("time_display").notNull().default("exact"),
});

/** Browser sessions. The cookie carries a sealed random id; the row holds its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    lastSeenAt: bigint("last_seen_at", { mode: "number" }).notNull(),
    address: text("address").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** DRF-style API tokens; only the SHA-256 of the key is kept, the key is shown once. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    /** the first characters of the key, to tell tokens apart in lists */
    keyPrefix: text("key_prefix").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
  },
  (t) => [index("api_tokens_user_id_idx").on(t.userId)],
);

/** Failed password checks per key (user, address) in the current window, shared by all processes. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStart: bigint("window_start", { mode: "number" }).notNull(),
});
