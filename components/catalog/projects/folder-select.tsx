"use client";

import { Button } from "../../ui/button";
import { inputClass } from "../../ui/form-field";
import { Field } from "../form/field";
import { useProjectFolders } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";

/** The folder of a manual project: one of those under the server's projects root. */
export function FolderSelect({ value, onChange, errors }: { value: string; onChange: (v: string) => void; errors?: string[] }) {
  const { c } = useCatalogText();
  const folders = useProjectFolders();
  const root = folders.data?.root ?? "";
  const options = folders.data?.folders ?? [];
  const shown = value && !options.includes(value) ? [value, ...options] : options;
  const hint = folders.isError ? (
    <span className="text-red-700">{c.projects.foldersFailed}</span>
  ) : folders.data && options.length === 0 ? (
    c.projects.noFolders(root)
  ) : folders.data ? (
    c.projects.localPathHint(root)
  ) : undefined;

  return (
    <Field label={c.projects.localPath} required errors={errors} hint={hint}>
      {(p) => (
        <div className="flex gap-2">
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} disabled={folders.isPending}>
            <option value="">{c.common.choose}</option>
            {shown.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <Button onClick={() => void folders.refetch()} disabled={folders.isFetching} aria-label={c.projects.refreshFolders} title={c.projects.refreshFolders}>
            <span aria-hidden className={folders.isFetching ? "animate-spin" : ""}>
              ↻
            </span>
          </Button>
        </div>
      )}
    </Field>
  );
}
