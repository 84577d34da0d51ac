import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { createProject } from "@/server/projects/create-project";
import { listProjects } from "@/server/projects/list-projects";
import { serializeProject } from "@/server/projects/serialize-project";
import { syncIfGit } from "@/server/projects/sync-project";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listProjects(ctx.db, url);
    return json(envelope(url, page, count, rows.map(serializeProject)));
  },
  POST: async ({ ctx, body }) => {
    const project = await createProject(ctx.db, ctx.config, fieldSource(await body()));
    return json(serializeProject(await syncIfGit(ctx.db, ctx.config, project)), 201);
  },
});
