import { NewInventory } from "@/components/catalog/inventories/inventory-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.inventories.new);
export default function NewInventoryPage() {
  return <NewInventory />;
}
