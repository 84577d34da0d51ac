import { drfRoute, json, pathId } from "@/server/http/route";
import { getHost } from "@/server/hosts/get-host";
import { toHostRecord } from "@/lib/contracts/host";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params }) => json(toHostRecord(await getHost(ctx.db, pathId(params.id)))),
});
