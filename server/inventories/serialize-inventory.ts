import { toInventoryRecord, type InventoryRecord } from "@/lib/contracts/inventory";
import type { InventoryRow } from "./inventory-row";

export type { InventoryRecord };

export function serializeInventory(row: InventoryRow): InventoryRecord {
  return toInventoryRecord(row);
}
