import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { Forbidden } from "@/server/http/errors";
import { lastParam } from "@/server/drf/query-string";
import { createTokenFromRequest } from "@/server/tokens/create-token";
import { listTokens } from "@/server/tokens/list-tokens";

export const dynamic = "force-dynamic";

/** The caller's API tokens (an admin may list another user's with `?user=<id>`); POST issues one, its key shown once. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ ctx, user, url }) => {
      const other = lastParam(url, "user");
      const userId = other ? pathId(other) : user.id;
      if (userId !== user.id && user.role !== "admin") throw new Forbidden();
      const results = await listTokens(ctx.db, userId);
      return json({ count: results.length, next: null, previous: null, results });
    },
    POST: async ({ ctx, user, body }) => json(await createTokenFromRequest(ctx.db, user.id, fieldSource(await body())), 201),
  },
  { roles: { POST: "viewer" } },
);
