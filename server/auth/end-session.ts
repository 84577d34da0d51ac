import { eq } from "drizzle-orm";
import type { AppContext } from "../context";
import { sessions } from "@/db/schema";
import { bySession } from "./authenticate";
import { checkSameOrigin } from "./check-csrf";
import { clearedCookies } from "./session-cookie";

/** Logout: the session row is deleted (the cookie is worthless after) and the cookies cleared. */
export async function endSession(ctx: AppContext, request: Request): Promise<string[]> {
  checkSameOrigin(request);
  const user = await bySession(ctx, request);
  if (user?.sessionIdHash) await ctx.db.delete(sessions).where(eq(sessions.idHash, user.sessionIdHash));
  return clearedCookies(ctx.config, request);
}
