import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { deleteById } from "../resources/delete-by-id";

/** Templates and jobs that name the inventory keep its id (their `inventory_name` shows it is gone). */
export async function deleteInventory(db: Db, id: number): Promise<void> {
  await deleteById(db, inventories, inventories.id, id);
}
