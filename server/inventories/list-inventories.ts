import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { listResource } from "../resources/list-resource";
import { INVENTORY_LIST } from "./inventory-fields";

export async function listInventories(db: Db, url: URL) {
  return listResource(db, inventories, INVENTORY_LIST, (d) => d.select().from(inventories).$dynamic(), url);
}
