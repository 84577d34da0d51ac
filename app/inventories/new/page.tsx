import { NewInventory } from "@/components/catalog/inventories/inventory-pages";

export default function NewInventoryPage() {
  return <NewInventory />;
}
