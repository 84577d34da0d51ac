"use client";

import { useState } from "react";
import type { CatalogKind } from "@/lib/catalog/catalog-records";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { useDeleteCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

/** Delete one object after a confirmation that names it; not offered to a viewer. */
export function DeleteButton({ kind, id, name, onDeleted, compact }: { kind: CatalogKind; id: number; name: string; onDeleted: () => void; compact?: boolean }) {
  const { c } = useCatalogText();
  const [open, setOpen] = useState(false);
  const del = useDeleteCatalogItem(kind);
  const { canOperate } = usePermissions();
  const close = () => {
    setOpen(false);
    del.reset();
  };
  if (!canOperate) return null;
  return (
    <>
      <Button variant={compact ? "ghost" : "secondary"} className={compact ? "h-8 px-2 text-red-700 hover:bg-red-50" : "text-red-700"} aria-label={`${c.common.delete}「${name}」`} onClick={() => setOpen(true)}>
        {c.common.delete}
      </Button>
      <Dialog open={open} onClose={close} title={c.common.confirmDeleteTitle}>
        <p className="text-sm text-slate-700">{c.common.confirmDelete(name)}</p>
        {del.isError && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {del.error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            {c.common.cancel}
          </Button>
          <Button variant="danger" disabled={del.isPending} onClick={() => del.mutate(id, { onSuccess: () => (setOpen(false), onDeleted()) })}>
            {del.isPending ? c.common.deleting : c.common.delete}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
