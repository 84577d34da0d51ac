"use client";

import { useRouter } from "next/navigation";
import type { InventoryRecord } from "@/lib/catalog/catalog-records";
import { LocalTime } from "../../ui/local-time";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { InventoryForm } from "./inventory-form";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";

export function InventoryList() {
  const { c } = useCatalogText();
  return (
    <ResourceList
      kind="inventory"
      basePath="/inventories"
      title={c.inventories.title}
      newLabel={c.inventories.new}
      tableLabel={c.inventories.table}
      columns={[
        {
          key: "hosts",
          header: c.inventories.hosts,
          cell: (i) => (
            <span title={i.hosts.slice(0, 50).join("\n")}>
              {c.inventories.hostCount(i.hosts.length)}
              {i.hosts[0] && (
                <span className="ml-2 hidden font-mono text-[13px] text-slate-500 md:inline">
                  {i.hosts.slice(0, 3).join(", ")}
                  {i.hosts.length > 3 ? " …" : ""}
                </span>
              )}
            </span>
          ),
        },
        {
          key: "max_concurrent_jobs",
          header: c.templates.limitColumn,
          className: "hidden lg:table-cell whitespace-nowrap",
          cell: (i) => (i.max_concurrent_jobs > 0 ? c.templates.atMost(i.max_concurrent_jobs) : c.templates.unlimited),
        },
        { key: "ctime", header: c.common.ctime, className: "hidden lg:table-cell whitespace-nowrap", cell: (i) => <LocalTime value={i.ctime} /> },
      ]}
    />
  );
}

export function NewInventory() {
  const { c } = useCatalogText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={c.inventories.new} backHref="/inventories" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <InventoryForm />
      </ForRole>
    </div>
  );
}

export function InventoryEdit({ initial }: { initial: InventoryRecord }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const inventory = useCatalogItem("inventory", initial.id, initial).data ?? initial;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={c.inventories.editTitle(inventory.name)}
        backHref="/inventories"
        actions={<DeleteButton kind="inventory" id={inventory.id} name={inventory.name} onDeleted={() => router.push("/inventories")} />}
      />
      <InventoryForm inventory={inventory} />
    </div>
  );
}
