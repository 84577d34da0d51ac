import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteTemplate } from "@/server/templates/delete-template";
import { getTemplate } from "@/server/templates/get-template";
import { serializeTemplate } from "@/server/templates/serialize-template";
import { updateTemplate } from "@/server/templates/update-template";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeTemplate(await getTemplate(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) => json(serializeTemplate(await updateTemplate(ctx.db, pathId(params.id), fieldSource(await body()), { partial: false }))),
  PATCH: async ({ ctx, params, body }) =>
    json(serializeTemplate(await updateTemplate(ctx.db, pathId(params.id), fieldSource(await body()), { partial: true }))),
  DELETE: async ({ ctx, params }) => {
    await deleteTemplate(ctx.db, pathId(params.id));
    return noContent();
  },
});
