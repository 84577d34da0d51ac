import { fieldSource } from "@/server/http/body";
import { drfRoute, json, noContent, pathId } from "@/server/http/route";
import { deleteInventory } from "@/server/inventories/delete-inventory";
import { getInventory } from "@/server/inventories/get-inventory";
import { serializeInventory } from "@/server/inventories/serialize-inventory";
import { updateInventory } from "@/server/inventories/update-inventory";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute<Params>({
  GET: async ({ ctx, params }) => json(serializeInventory(await getInventory(ctx.db, pathId(params.id)))),
  PUT: async ({ ctx, params, body }) =>
    json(serializeInventory(await updateInventory(ctx.db, pathId(params.id), fieldSource(await body()), { partial: false }))),
  PATCH: async ({ ctx, params, body }) =>
    json(serializeInventory(await updateInventory(ctx.db, pathId(params.id), fieldSource(await body()), { partial: true }))),
  DELETE: async ({ ctx, params }) => {
    await deleteInventory(ctx.db, pathId(params.id));
    return noContent();
  },
});
