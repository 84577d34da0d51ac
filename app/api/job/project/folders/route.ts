import { drfRoute, json } from "@/server/http/route";
import { listProjectFolders } from "@/server/projects/list-project-folders";

export const dynamic = "force-dynamic";

/** The folders a manual project can point at (`local_path`), for the project form's select. */
export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ ctx }) => json({ root: ctx.config.projectsRoot, folders: await listProjectFolders(ctx.config.projectsRoot) }),
});
