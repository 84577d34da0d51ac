import { InventoryList } from "@/components/catalog/inventories/inventory-pages";
import { pageTitle } from "@/server/i18n/page-metadata";

export const generateMetadata = () => pageTitle(({ c }) => c.inventories.title);
export default function InventoriesPage() {
  return <InventoryList />;
}
