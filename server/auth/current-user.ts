import type { Role } from "./roles";

/** Whom a domain verb acts for: a request's caller, or a schedule's owner. */
export type Actor = { id: number; username: string; displayName: string; role: string };

/** Who is calling, as every route handler sees it. */
export type CurrentUser = Actor & {
  role: Role;
  /** how the request proved it: an API token or the browser's session cookie */
  via: "token" | "session";
  /** the session's CSRF token (browser sessions only) */
  csrfToken?: string;
  /** the session's id hash (browser sessions only): logout ends this one */
  sessionIdHash?: string;
};
