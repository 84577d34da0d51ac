import { z } from "zod";
import { drfPage } from "../jobs/job-record";
import { ROLES } from "./roles";
import { TIME_DISPLAYS } from "./time-display";

const time = z.number().nullable();

/** A user as `/api/auth/users/` shows it (never a password). */
export const UserRecord = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  role: z.enum(ROLES),
  is_active: z.boolean(),
  has_password: z.boolean(),
  ctime: z.number(),
  last_login_at: time,
  password_changed_at: time,
  /** IANA zone the UI shows times in; null: the browser's */
  time_zone: z.string().nullable(),
  time_display: z.enum(TIME_DISPLAYS),
});
export type UserRecord = z.infer<typeof UserRecord>;
export const UserPage = drfPage(UserRecord);

/** `GET /api/auth/me/`: the caller, and whether a token or the session cookie proved it. */
export const MeRecord = UserRecord.extend({ auth: z.enum(["token", "session"]) });
export type MeRecord = z.infer<typeof MeRecord>;

/** An API token in a list: its key is not stored, only the first characters. */
export const TokenRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  key_prefix: z.string(),
  created_at: z.number(),
  expires_at: time,
  last_used_at: time,
});
export type TokenRecord = z.infer<typeof TokenRecord>;
export const TokenPage = drfPage(TokenRecord);

/** The answer to creating a token: the one time the whole key is shown. */
export const NewTokenRecord = TokenRecord.omit({ last_used_at: true }).extend({ key: z.string() });
export type NewTokenRecord = z.infer<typeof NewTokenRecord>;
