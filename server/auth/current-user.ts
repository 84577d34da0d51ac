import type { AppContext } from "../context";
import { findUser } from "./ensure-admin-user";

export type CurrentUser = { id: number; username: string; displayName: string; role: string };

/**
 * Who is calling. Until login exists every request acts as the built-in admin;
 * the authentication issue replaces this one function.
 */
export async function resolveUser(ctx: AppContext, _request: Request): Promise<CurrentUser> {
  const u = await findUser(ctx.db, ctx.adminUserId);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}
