import { findLastSuccessful } from "@/server/compare/find-last-successful";
import { drfRoute, json, pathId } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params }) => json(await findLastSuccessful(ctx.db, pathId(params.id))),
});
