import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteJob } from "@/server/jobs/delete-jobs";
import { readJob } from "@/server/jobs/read-job";
import { serializeJob } from "@/server/jobs/serialize-job";
import { updateJob } from "@/server/jobs/update-job";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeJob(await readJob(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) => json(serializeJob(await updateJob(ctx.db, pathId(params.id), fieldSource(await body())))),
  PATCH: async ({ ctx, params, body }) => json(serializeJob(await updateJob(ctx.db, pathId(params.id), fieldSource(await body())))),
  DELETE: async ({ ctx, params }) => {
    await deleteJob(ctx.db, pathId(params.id));
    return noContent();
  },
});
