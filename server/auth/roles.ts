import type { Role } from "@/lib/auth/roles";

// one ranking for the server and the UI (lib/ is browser-safe)
export { ROLES, hasRole, type Role } from "@/lib/auth/roles";

/** What a method needs unless a route says otherwise: reads for every user, writes for operators. */
export function defaultRole(method: string): Role {
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? "viewer" : "operator";
}
