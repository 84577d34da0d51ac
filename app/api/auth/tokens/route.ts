import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { Forbidden } from "@/core/errors";
import { lastParam } from "@/server/drf/query-string";
import type { CurrentUser } from "@/server/auth/current-user";
import { createTokenFromRequest } from "@/server/tokens/create-token";
import { listTokens } from "@/server/tokens/list-tokens";
import { revokeAllTokens } from "@/server/tokens/revoke-all-tokens";

export const dynamic = "force-dynamic";

/** Whose tokens: the caller's, or with `?user=<id>` another user's (admins only). */
function tokenOwner(user: CurrentUser, url: URL): number {
  const other = lastParam(url, "user");
  const userId = other ? pathId(other) : user.id;
  if (userId !== user.id && user.role !== "admin") throw new Forbidden();
  return userId;
}

/**
 * The caller's API tokens (an admin may name another user with `?user=<id>`): GET lists
 * them, POST issues one (its key shown once), DELETE revokes them all.
 */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ ctx, user, url }) => {
      const results = await listTokens(ctx.db, tokenOwner(user, url));
      return json({ count: results.length, next: null, previous: null, results });
    },
    POST: async ({ ctx, user, body }) => json(await createTokenFromRequest(ctx.db, user.id, fieldSource(await body())), 201),
    DELETE: async ({ ctx, user, url }) => {
      await revokeAllTokens(ctx.db, tokenOwner(user, url));
      return noContent();
    },
  },
  { roles: { POST: "viewer", DELETE: "viewer" } },
);
