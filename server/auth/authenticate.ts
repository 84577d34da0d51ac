import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { apiTokens, sessions, users } from "@/db/schema";
import type { AppContext } from "../context";
import { DomainError } from "@/core/errors";
import { nowSeconds } from "@/lib/time";
import type { CurrentUser } from "./current-user";
import { authMessages } from "./messages";
import { checkCsrf } from "./check-csrf";
import { readSessionId } from "./session-cookie";
import { sha256Hex } from "./random-secret";
import type { Role } from "./roles";

/** No proof of who is calling; answered as DRF's TokenAuthentication does (401, `WWW-Authenticate: Token`). */
export class NotAuthenticated extends DomainError {
  constructor(detail: string = authMessages.notAuthenticated) {
    super("not_authenticated", detail);
  }
}

// last-used and last-seen times are written at most this often per token or session
const TOUCH_EVERY_S = 60;

/**
 * Identifies the caller, in DRF's order: an `Authorization: Token <key>` (or `Bearer`)
 * header first, then the session cookie. A session-authenticated change must carry the
 * session's CSRF token. Throws 401 when neither proves a user.
 */
export async function authenticate(ctx: AppContext, request: Request): Promise<CurrentUser> {
  const key = tokenKey(request.headers.get("authorization"));
  if (key !== undefined) return byToken(ctx, key);
  const user = await bySession(ctx, request);
  if (!user) throw new NotAuthenticated();
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) checkCsrf(request, ctx.config, user.csrfToken!);
  return user;
}

/** The key of a `Token`/`Bearer` header; undefined when the header is absent or another scheme. */
function tokenKey(header: string | null): string | undefined {
  if (!header) return undefined;
  const [first = "", key, ...extra] = header.trim().split(/\s+/);
  const scheme = first.toLowerCase();
  if (scheme !== "token" && scheme !== "bearer") return undefined;
  if (key === undefined) throw new NotAuthenticated(authMessages.noTokenKey);
  if (extra.length > 0) throw new NotAuthenticated(authMessages.tokenHasSpaces);
  // DRF decodes the header's bytes as UTF-8: bytes that are not UTF-8 are "invalid
  // characters"; any other key that is not one of ours is simply an invalid token
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(key, "latin1"));
  } catch {
    throw new NotAuthenticated(authMessages.tokenInvalidChars);
  }
  return key;
}

// the token look-up runs on every scripted request: built and prepared once per database
const tokenQueries = new WeakMap<object, ReturnType<typeof prepareTokenQuery>>();

function prepareTokenQuery(db: AppContext["db"]) {
  return db
    .select({
      tokenId: apiTokens.id,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      isActive: users.isActive,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.keyHash, sql.placeholder("keyHash")))
    .prepare("zuoye_auth_token");
}

async function byToken(ctx: AppContext, key: string): Promise<CurrentUser> {
  let query = tokenQueries.get(ctx.db);
  if (!query) tokenQueries.set(ctx.db, (query = prepareTokenQuery(ctx.db)));
  const [row] = await query.execute({ keyHash: sha256Hex(key) });
  if (!row) throw new NotAuthenticated(authMessages.invalidToken);
  const now = nowSeconds();
  if (row.expiresAt != null && row.expiresAt <= now) throw new NotAuthenticated(authMessages.tokenExpired);
  if (!row.isActive) throw new NotAuthenticated(authMessages.userInactive);
  if (row.lastUsedAt == null || row.lastUsedAt < now - TOUCH_EVERY_S) {
    await ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - TOUCH_EVERY_S))));
  }
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role as Role, via: "token" };
}

/** The user of a live session cookie, or undefined (no cookie, tampered, expired, ended, inactive user). */
export async function bySession(ctx: AppContext, request: Request): Promise<CurrentUser | undefined> {
  const sid = await readSessionId(ctx.config, request);
  if (!sid) return undefined;
  const idHash = sha256Hex(sid);
  const now = nowSeconds();
  const [row] = await ctx.db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), eq(users.isActive, true)));
  if (!row) return undefined;
  if (row.lastSeenAt < now - TOUCH_EVERY_S) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    via: "session",
    csrfToken: row.csrfToken,
    sessionIdHash: idHash,
  };
}

/** Drops sessions past their expiry (called on login, so the table does not grow without end). */
export async function purgeExpiredSessions(ctx: AppContext): Promise<void> {
  await ctx.db.delete(sessions).where(sql`${sessions.expiresAt} <= ${nowSeconds()}`);
}
