import { users } from "@/db/schema";
import { ROLES } from "../auth/roles";
import { boolean, choice, string } from "@/lib/drf/fields";
import type { ListSpec } from "../drf/list-query";

export const USER_FIELDS = {
  username: { ...string({ maxLength: 150, allowBlank: false }), required: true },
  display_name: string({ maxLength: 150 }),
  role: choice(ROLES),
  is_active: boolean(),
  password: string({ maxLength: 1024, allowBlank: false, trim: false }),
};

/** The user list: `?name=` is the username; search in usernames and display names. */
export const USER_LIST: ListSpec = {
  filters: { name: { kind: "exact", column: users.username } },
  search: [users.username, users.displayName],
  orderable: {
    id: users.id,
    username: users.username,
    display_name: users.displayName,
    role: users.role,
    is_active: users.isActive,
    ctime: users.ctime,
    last_login_at: users.lastLoginAt,
  },
};

// Django's username validator: letters, digits and @/./+/-/_
export const USERNAME_RE = /^[\p{L}\p{N}@.+\-_]+$/u;

export type UserRow = typeof users.$inferSelect;

/** A user as the API shows it: never the password hash. */
export function serializeUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    is_active: u.isActive,
    has_password: u.passwordHash != null,
    ctime: u.ctime,
    last_login_at: u.lastLoginAt,
    password_changed_at: u.passwordChangedAt,
    time_zone: u.timeZone,
    time_display: u.timeDisplay,
  };
}
