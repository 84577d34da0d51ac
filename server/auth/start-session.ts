import type { AppContext } from "../context";
import { sessions } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { purgeExpiredSessions } from "./authenticate";
import { randomHex, sha256Hex } from "./random-secret";
import { sealSessionId, sessionCookies } from "./session-cookie";

/** Opens a browser session for a user whose password was just checked; returns its Set-Cookie values. */
export async function startSession(ctx: AppContext, request: Request, userId: number, address: string): Promise<string[]> {
  await purgeExpiredSessions(ctx);
  const sid = randomHex(32);
  const csrf = randomHex(20);
  const now = nowSeconds();
  await ctx.db.insert(sessions).values({
    idHash: sha256Hex(sid),
    userId,
    csrfToken: csrf,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + ctx.config.sessionTtlSeconds,
    address,
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  });
  return sessionCookies(ctx.config, request, await sealSessionId(ctx.config, sid), csrf);
}
