import { drfRoute, noContent, pathId } from "@/server/http/route";
import { revokeToken } from "@/server/tokens/revoke-token";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Revokes a token: the caller's own, or any for an admin. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>(
  {
    DELETE: async ({ ctx, user, params }) => {
      await revokeToken(ctx.db, user, pathId(params.id));
      return noContent();
    },
  },
  { roles: { DELETE: "viewer" } },
);
