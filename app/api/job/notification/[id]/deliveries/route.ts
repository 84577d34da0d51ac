import { envelope, readPage } from "@/server/drf/pagination";
import { drfRoute, json, pathId } from "@/server/http/route";
import { listDeliveries } from "@/server/notifications/list-deliveries";

export const dynamic = "force-dynamic";

/** The notification's delivery log, newest first (read-only). */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ url, ctx, params }) => {
    const page = readPage(url);
    const { count, rows } = await listDeliveries(ctx.db, pathId(params.id), page);
    return json(envelope(url, page, count, rows));
  },
});
