import { compareJobs } from "@/server/compare/compare-jobs";
import { drfRoute, json, pathId } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string; other: string }>({
  GET: async ({ ctx, params }) => json(await compareJobs(ctx.db, pathId(params.id), pathId(params.other))),
});
