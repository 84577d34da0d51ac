import { notFound } from "next/navigation";
import { InventoryEdit } from "@/components/catalog/inventories/inventory-pages";
import { requirePageUser } from "@/server/auth/page-user";
import { getContext } from "@/server/context";
import { NotFound } from "@/server/http/errors";
import { getInventory } from "@/server/inventories/get-inventory";
import { serializeInventory } from "@/server/inventories/serialize-inventory";

export const dynamic = "force-dynamic";

/** Looked up on the server so that an unknown id is a real 404 page. */
async function load(id: string) {
  if (!/^\d{1,9}$/.test(id)) return null;
  try {
    return serializeInventory(await getInventory((await getContext()).db, Number(id)));
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
}

export default async function InventoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the cookie proxy.ts let through must be a live session: this page reads the database itself
  await requirePageUser(`/inventories/${id}`);
  const inventory = await load(id);
  if (!inventory) notFound();
  return <InventoryEdit initial={inventory} />;
}
