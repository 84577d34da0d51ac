import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { toSavedFilterRecord } from "@/lib/contracts/saved-filter";
import { deleteSavedFilter } from "@/server/saved-filters/delete-saved-filter";
import { getSavedFilter } from "@/server/saved-filters/get-saved-filter";
import { updateSavedFilter } from "@/server/saved-filters/update-saved-filter";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** One of the caller's saved filters: another user's is a 404 to everyone, admins too. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>(
  {
    GET: async ({ ctx, user, params }) => json(toSavedFilterRecord(await getSavedFilter(ctx.db, user.id, pathId(params.id)))),
    PATCH: async ({ ctx, user, params, body }) =>
      json(toSavedFilterRecord(await updateSavedFilter(ctx.db, user.id, pathId(params.id), fieldSource(await body())))),
    DELETE: async ({ ctx, user, params }) => {
      await deleteSavedFilter(ctx.db, user.id, pathId(params.id));
      return noContent();
    },
  },
  { roles: { PATCH: "viewer", DELETE: "viewer" } },
);
