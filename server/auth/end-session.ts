import { eq } from "drizzle-orm";
import type { AppContext } from "../context";
import { sessions } from "@/db/schema";
import { checkSameOrigin } from "./check-csrf";
import { sha256Hex } from "./random-secret";
import { clearedCookies, readSessionId } from "./session-cookie";

/** Logout: the session row is deleted (the cookie is worthless after) and the cookies cleared. */
export async function endSession(ctx: AppContext, request: Request): Promise<string[]> {
  checkSameOrigin(request, ctx.config);
  const sid = await readSessionId(ctx.config, request);
  if (sid) await ctx.db.delete(sessions).where(eq(sessions.idHash, sha256Hex(sid)));
  return clearedCookies(ctx.config, request);
}
