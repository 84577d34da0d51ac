"use client";

import type { ReactNode } from "react";
import { usePermissions } from "../../auth/use-permissions";

/** A titled group of fields in a form; read-only for a viewer. */
export function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const { canOperate } = usePermissions();
  return (
    <fieldset disabled={!canOperate} className="min-w-0 rounded-md border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      {hint && <p className="-mt-1 mb-3 text-xs text-slate-500">{hint}</p>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}
