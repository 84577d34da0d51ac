import { drfRoute, json, pathId } from "@/server/http/route";
import { readLinesQuery, searchLines } from "@/server/output/search-lines";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params, url }) => {
    const id = pathId(params.id);
    return json(await searchLines(ctx.db, id, readLinesQuery(url)));
  },
});
