import { envelope, readPage } from "@/server/drf/pagination";
import { drfRoute, json, pathId } from "@/server/http/route";
import { listHostResults } from "@/server/hosts/list-host-results";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ url, ctx, params }) => {
    const page = readPage(url);
    const { count, rows } = await listHostResults(ctx.db, pathId(params.id), page);
    return json(envelope(url, page, count, rows));
  },
});
