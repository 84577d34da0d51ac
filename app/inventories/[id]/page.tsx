import { InventoryEdit } from "@/components/catalog/inventories/inventory-pages";
import { cache } from "react";
import { loadPageRecord } from "@/server/auth/load-page-record";
import { pageTitle } from "@/server/i18n/page-metadata";
import { getInventory } from "@/server/inventories/get-inventory";
import { serializeInventory } from "@/server/inventories/serialize-inventory";

export const dynamic = "force-dynamic";

// read once for the title and the page
const load = cache((id: string) => loadPageRecord(`/inventories/${id}`, id, async (db, n) => serializeInventory(await getInventory(db, n))));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { name } = await load((await params).id);
  return pageTitle(({ c }) => `${name} · ${c.inventories.title}`);
}

/** Loaded on the server (logged in, unknown id → 404 page). */
export default async function InventoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const inventory = await load(id);
  return <InventoryEdit initial={inventory} />;
}
