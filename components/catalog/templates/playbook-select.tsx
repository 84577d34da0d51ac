"use client";

import { inputClass } from "../../ui/form-field";
import { Field } from "../form/field";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";

/**
 * A playbook of the chosen project, from the project's last scan. A project without
 * scanned playbooks (a Git project not synced yet) takes a typed path instead.
 */
export function PlaybookSelect({
  project,
  value,
  onChange,
  errors,
}: {
  project: number | null;
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
}) {
  const { t, c } = useCatalogText();
  const record = useCatalogItem("project", project);
  const playbooks = project === null ? [] : (record.data?.playbooks ?? []);
  const typed = project !== null && record.data !== undefined && playbooks.length === 0;
  const label = t.fields.playbook;

  if (typed) {
    return (
      <Field label={label} required errors={errors} hint={`${c.templates.playbookNone}：${c.templates.playbookHint}`}>
        {(p) => (
          <input {...p} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} font-mono`} spellCheck={false} autoComplete="off" />
        )}
      </Field>
    );
  }
  const missing = value !== "" && record.data !== undefined && !playbooks.includes(value);
  return (
    <Field label={label} required errors={errors} hint={project === null ? c.templates.playbookPickProject : undefined}>
      {(p) => (
        <select
          {...p}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={project === null || record.isPending}
          className={`${inputClass} font-mono`}
        >
          <option value="">{project !== null && record.isPending ? t.loading : c.common.choose}</option>
          {missing && <option value={value}>{c.templates.playbookMissing(value)}</option>}
          {record.isPending && value !== "" && <option value={value}>{value}</option>}
          {playbooks.map((pb) => (
            <option key={pb} value={pb}>
              {pb}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
