import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { toSavedFilterRecord } from "@/lib/contracts/saved-filter";
import { createSavedFilter } from "@/server/saved-filters/create-saved-filter";
import { listSavedFilters } from "@/server/saved-filters/list-saved-filters";

export const dynamic = "force-dynamic";

/** The caller's own saved history views; a viewer keeps their own too. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute(
  {
    GET: async ({ url, ctx, user }) => {
      const { page, count, rows } = await listSavedFilters(ctx.db, user.id, url);
      return json(envelope(url, page, count, rows.map(toSavedFilterRecord)));
    },
    POST: async ({ ctx, user, body }) => json(toSavedFilterRecord(await createSavedFilter(ctx.db, user.id, fieldSource(await body()))), 201),
  },
  { roles: { POST: "viewer" } },
);
