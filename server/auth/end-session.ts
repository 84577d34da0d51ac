import { and, eq, gt } from "drizzle-orm";
import type { AppContext } from "../context";
import { sessions } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { checkCsrf, checkSameOrigin } from "./check-csrf";
import { sha256Hex } from "./random-secret";
import { clearedCookies, readSessionId } from "./session-cookie";

/**
 * Logout: the session row is deleted (the cookie is worthless after) and the cookies
 * cleared. A live session is only ended by its own page: the request must carry its CSRF
 * token, so another site cannot log a user out. Without one there is nothing to protect.
 */
export async function endSession(ctx: AppContext, request: Request): Promise<string[]> {
  checkSameOrigin(request, ctx.config);
  const sid = await readSessionId(ctx.config, request);
  if (sid) {
    const idHash = sha256Hex(sid);
    const [live] = await ctx.db
      .select({ csrfToken: sessions.csrfToken })
      .from(sessions)
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, nowSeconds())));
    if (live) checkCsrf(request, ctx.config, live.csrfToken);
    await ctx.db.delete(sessions).where(eq(sessions.idHash, idHash));
  }
  return clearedCookies(ctx.config, request);
}
