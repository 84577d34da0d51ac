import type { Actor } from "@/core/actor";
import type { Role } from "./roles";

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
