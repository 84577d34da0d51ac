import type { InventoryRow } from "./inventory-row";

export function serializeInventory(r: InventoryRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    content: r.content,
    variables: r.variables,
    hosts: r.hosts,
    ctime: r.ctime,
  };
}

export type InventoryRecord = ReturnType<typeof serializeInventory>;
