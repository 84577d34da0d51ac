import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { assertValid } from "@/core/errors";
import { getInventory } from "./get-inventory";
import { INVENTORY_FIELDS } from "./inventory-fields";
import { inventoryColumns, type InventoryRow } from "./inventory-row";

/** PUT (`partial: false`: required fields must be sent) and PATCH. */
export async function updateInventory(db: Db, id: number, source: FieldSource, opts: { partial: boolean }): Promise<InventoryRow> {
  const { values, errors } = parseFields(INVENTORY_FIELDS, source, opts);
  return db.transaction(async (tx) => {
    const current = await getInventory(tx, id, { forUpdate: true });
    const columns = inventoryColumns(values, errors);
    assertValid(errors);
    if (Object.keys(columns).length === 0) return current;
    const [updated] = await tx.update(inventories).set(columns).where(eq(inventories.id, id)).returning();
    return updated!;
  });
}
