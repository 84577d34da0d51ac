import { ROLES, type Role } from "@/db/schema";

export { ROLES, type Role };

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** viewer < operator < admin: each role may do what the ones below it may. */
export function hasRole(actual: string, needed: Role): boolean {
  return (RANK[actual as Role] ?? 0) >= RANK[needed];
}

/** What a method needs unless a route says otherwise: reads for every user, writes for operators. */
export function defaultRole(method: string): Role {
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? "viewer" : "operator";
}
