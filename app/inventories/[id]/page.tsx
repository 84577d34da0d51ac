import { InventoryEdit } from "@/components/catalog/inventories/inventory-pages";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { getInventory } from "@/server/inventories/get-inventory";
import { serializeInventory } from "@/server/inventories/serialize-inventory";

export const dynamic = "force-dynamic";

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function InventoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const inventory = await loadPageRecord(`/inventories/${id}`, id, async (db, n) => serializeInventory(await getInventory(db, n)));
  return <InventoryEdit initial={inventory} />;
}
