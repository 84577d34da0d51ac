import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { relaunchJob } from "@/server/jobs/relaunch-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  POST: async ({ ctx, user, params, body }) => {
    const job = await relaunchJob(ctx.db, user, pathId(params.id), async () => fieldSource(await body()));
    return json(serializeJob(job), 201);
  },
});
