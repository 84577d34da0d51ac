import { drfRoute, pathId } from "@/server/http/route";
import { openStdout } from "@/server/output/open-stdout";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<{ id: string }>({
  GET: async ({ ctx, params, url }) => {
    const out = await openStdout(ctx.db, pathId(params.id), url);
    const headers = new Headers({ "content-type": out.contentType, "cache-control": "no-store" });
    if (out.download) headers.set("content-disposition", `attachment; filename="${out.download}"`);
    return new Response(out.body, { headers });
  },
});
