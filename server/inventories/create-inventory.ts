import type { Db } from "@/db/client";
import { inventories } from "@/db/schema";
import { parseFields, type FieldSource } from "@/lib/drf/serializer";
import { nowSeconds } from "@/lib/time";
import { assertValid } from "@/core/errors";
import { INVENTORY_FIELDS } from "./inventory-fields";
import { inventoryColumns, type InventoryRow } from "./inventory-row";

export async function createInventory(db: Db, source: FieldSource): Promise<InventoryRow> {
  const { values, errors } = parseFields(INVENTORY_FIELDS, source);
  const columns = inventoryColumns(values, errors);
  assertValid(errors);
  const [created] = await db
    .insert(inventories)
    .values({ ...columns, name: columns.name!, ctime: nowSeconds() })
    .returning();
  return created!;
}
