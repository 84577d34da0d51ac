import { diffOutput, readOutputDiffQuery } from "@/server/compare/diff-output";
import { drfRoute, json, pathId } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string; other: string }>({
  GET: async ({ ctx, params, url }) => {
    const [a, b] = [pathId(params.id), pathId(params.other)];
    return json(await diffOutput(ctx.db, url, a, b, readOutputDiffQuery(url)));
  },
});
