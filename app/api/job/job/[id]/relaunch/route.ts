import { fieldSource } from "@/server/http/body";
import { drfRoute, json, pathId } from "@/server/http/route";
import { readRelaunchOptions } from "@/server/jobs/read-relaunch-options";
import { relaunchJob } from "@/server/jobs/relaunch-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params }) => json(await readRelaunchOptions(ctx.db, pathId(params.id))),
  POST: async ({ ctx, user, params, body }) => {
    const job = await relaunchJob(ctx.db, user, pathId(params.id), async () => fieldSource(await body()));
    return json(serializeJob(job), 201);
  },
});
