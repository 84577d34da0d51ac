/** The roles of docs/api.md, highest first (the order of a role picker). */
export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** viewer < operator < admin, as the server ranks them: the UI offers only what would not 403. */
export function hasRole(actual: string | undefined, needed: Role): boolean {
  return (RANK[actual as Role] ?? 0) >= RANK[needed];
}
