import { drfRoute, json, pathId } from "@/server/http/route";
import { readOutline } from "@/server/output/read-outline";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params }) => json(await readOutline(ctx.db, pathId(params.id))),
});
