import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { serializeJob } from "@/server/jobs/serialize-job";
import { launchTemplate } from "@/server/templates/launch-template";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  POST: async ({ ctx, user, params, body }) => {
    const id = pathId(params.id);
    const job = await launchTemplate(ctx.db, user, id, fieldSource(await body()));
    return json(serializeJob(job), 201);
  },
});
