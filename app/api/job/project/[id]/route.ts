import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteProject } from "@/server/projects/delete-project";
import { getProject } from "@/server/projects/get-project";
import { serializeProject } from "@/server/projects/serialize-project";
import { syncIfGit } from "@/server/projects/sync-project";
import { updateProject } from "@/server/projects/update-project";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeProject(await getProject(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) => {
    const project = await updateProject(ctx.db, ctx.config, pathId(params.id), fieldSource(await body()), { partial: false });
    return json(serializeProject(await syncIfGit(ctx.db, ctx.config, project)));
  },
  PATCH: async ({ ctx, params, body }) => {
    const project = await updateProject(ctx.db, ctx.config, pathId(params.id), fieldSource(await body()), { partial: true });
    return json(serializeProject(await syncIfGit(ctx.db, ctx.config, project)));
  },
  DELETE: async ({ ctx, params }) => {
    await deleteProject(ctx.db, pathId(params.id));
    return noContent();
  },
});
