import { InventoryList } from "@/components/catalog/inventories/inventory-pages";

export default function InventoriesPage() {
  return <InventoryList />;
}
