import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { createTemplate } from "@/server/templates/create-template";
import { listTemplates } from "@/server/templates/list-templates";
import { serializeTemplate } from "@/server/templates/serialize-template";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listTemplates(ctx.db, url);
    return json(envelope(url, page, count, rows.map(serializeTemplate)));
  },
  POST: async ({ ctx, body }) => json(serializeTemplate(await createTemplate(ctx.db, fieldSource(await body()))), 201),
});
