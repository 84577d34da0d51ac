import { drfRoute, json, pathId } from "@/server/http/route";
import { cancelJob } from "@/server/jobs/cancel-job";
import { serializeJob } from "@/server/jobs/serialize-job";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  POST: async ({ ctx, user, params }) => {
    const job = await cancelJob(ctx.db, user, pathId(params.id));
    return json({ ...serializeJob(job), cancel_requested: job.cancelRequested }, 202);
  },
});
