import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { serializeJob } from "@/server/jobs/serialize-job";
import { launchTemplate } from "@/server/templates/launch-template";
import { readLaunchPrompts } from "@/server/templates/read-launch-prompts";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(await readLaunchPrompts(ctx.db, pathId(params.id))),
  POST: async ({ ctx, user, params, body }) => {
    const { job, ignoredFields } = await launchTemplate(ctx.db, user, pathId(params.id), fieldSource(await body()));
    return json({ ...serializeJob(job), ignored_fields: ignoredFields }, 201);
  },
});
