import { drfRoute, json, pathId } from "@/server/http/route";
import { serializeJob } from "@/server/jobs/serialize-job";
import { launchScheduleNow } from "@/server/schedules/launch-schedule-now";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  POST: async ({ ctx, user, params }) => json(serializeJob(await launchScheduleNow(ctx.db, user, pathId(params.id))), 201),
});
