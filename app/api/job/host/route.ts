import { envelope } from "@/server/drf/pagination";
import { drfRoute, json } from "@/server/http/route";
import { listHosts } from "@/server/hosts/list-hosts";
import { toHostRecord } from "@/lib/contracts/host";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listHosts(ctx.db, url);
    return json(envelope(url, page, count, rows.map(toHostRecord)));
  },
});
