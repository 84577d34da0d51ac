"use client";

import { useState } from "react";
import type { CatalogKind } from "@/lib/catalog/catalog-records";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useDeleteCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

/** Delete one object after a confirmation that names it; not offered to a viewer. */
export function DeleteButton({
  kind,
  id,
  name,
  onDeleted,
  compact,
}: {
  kind: CatalogKind;
  id: number;
  name: string;
  onDeleted: () => void;
  compact?: boolean;
}) {
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
      <Button
        variant={compact ? "ghost" : "secondary"}
        className={compact ? "h-8 px-2 text-red-700 hover:bg-red-50" : "text-red-700"}
        aria-label={`${c.common.delete}「${name}」`}
        onClick={() => setOpen(true)}
      >
        {c.common.delete}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={c.common.confirmDeleteTitle}
        error={del.isError ? del.error.message : null}
        pending={del.isPending}
        confirmLabel={c.common.delete}
        pendingLabel={c.common.deleting}
        cancelLabel={c.common.cancel}
        onConfirm={() => del.mutate(id, { onSuccess: () => (setOpen(false), onDeleted()) })}
      >
        {c.common.confirmDelete(name)}
      </ConfirmDialog>
    </>
  );
}
