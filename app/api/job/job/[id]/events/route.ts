import { envelope, readPage } from "@/server/drf/pagination";
import { drfRoute, json, pathId } from "@/server/http/route";
import { listEvents, readEventFilters, serializeEvent } from "@/server/output/list-events";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ url, ctx, params }) => {
    const page = readPage(url);
    const { count, rows } = await listEvents(ctx.db, pathId(params.id), readEventFilters(url), page);
    return json(envelope(url, page, count, rows.map(serializeEvent)));
  },
});
