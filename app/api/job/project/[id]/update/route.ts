import { drfRoute, json, pathId } from "@/server/http/route";
import { serializeProject } from "@/server/projects/serialize-project";
import { syncProject } from "@/server/projects/sync-project";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  POST: async ({ ctx, params }) => json(serializeProject(await syncProject(ctx.db, ctx.config, pathId(params.id)))),
});
