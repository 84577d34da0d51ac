import { envelope } from "@/server/drf/pagination";
import { fieldSource } from "@/server/http/body";
import { drfRoute, json } from "@/server/http/route";
import { createInventory } from "@/server/inventories/create-inventory";
import { listInventories } from "@/server/inventories/list-inventories";
import { serializeInventory } from "@/server/inventories/serialize-inventory";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = drfRoute({
  GET: async ({ url, ctx }) => {
    const { page, count, rows } = await listInventories(ctx.db, url);
    return json(envelope(url, page, count, rows.map(serializeInventory)));
  },
  POST: async ({ ctx, body }) => json(serializeInventory(await createInventory(ctx.db, fieldSource(await body()))), 201),
});
