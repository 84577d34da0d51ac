import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { firstOrNotFound } from "../resources/find-by-id";
import type { InventoryRow } from "./inventory-row";

export async function getInventory(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<InventoryRow> {
  const q = db.select().from(inventories).where(eq(inventories.id, id));
  return firstOrNotFound(opts.forUpdate ? await q.for("update") : await q);
}
