"use client";

import Link from "next/link";
import { Button } from "../../ui/button";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

/** Save (or create) and back to the list; a short notice after a save. A viewer only goes back. */
export function FormFooter({ isNew, pending, notice, listHref }: { isNew: boolean; pending: boolean; notice?: string; listHref: string }) {
  const { c } = useCatalogText();
  const { canOperate } = usePermissions();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-3">
      <p role="status" className="mr-auto text-sm text-green-800">
        {notice}
      </p>
      <Link
        href={listHref}
        className="inline-flex h-9 items-center rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {c.common.back}
      </Link>
      {canOperate && (
        <Button type="submit" variant="primary" disabled={pending}>
          {isNew ? (pending ? c.common.creating : c.common.create) : pending ? c.common.saving : c.common.save}
        </Button>
      )}
    </div>
  );
}
