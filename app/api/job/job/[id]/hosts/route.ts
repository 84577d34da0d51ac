import { envelope, readPage } from "@/server/drf/pagination";
import { drfRoute, json, pathId } from "@/server/http/route";
import { listHostSummaries, serializeHostSummary } from "@/server/output/list-host-summaries";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ url, ctx, params }) => {
    const page = readPage(url);
    const { count, rows } = await listHostSummaries(ctx.db, pathId(params.id), page);
    return json(envelope(url, page, count, rows.map(serializeHostSummary)));
  },
});
