import { drfRoute, pathId } from "@/server/http/route";
import { openJobStream, readStreamCursor, SSE_HEADERS } from "@/server/output/stream-job";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params, request, url }) => {
    const id = pathId(params.id);
    const stream = await openJobStream(ctx.live, id, readStreamCursor(request, url), request.signal);
    return new Response(stream, { headers: SSE_HEADERS });
  },
});
