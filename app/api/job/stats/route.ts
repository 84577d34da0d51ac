import { drfRoute, json } from "@/server/http/route";
import { getJobStats } from "@/server/stats/get-job-stats";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => json(await getJobStats(ctx.db, url)),
});
