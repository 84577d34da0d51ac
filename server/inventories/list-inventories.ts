import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { INVENTORY_ORDERABLE } from "./inventory-fields";

export async function listInventories(db: Db, url: URL) {
  return listResource(
    db,
    {
      table: inventories,
      orderable: INVENTORY_ORDERABLE,
      name: inventories.name,
      search: [inventories.name, inventories.description],
      select: (d) => d.select().from(inventories).$dynamic(),
    },
    url,
  );
}
