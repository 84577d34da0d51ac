"use client";

import type { FieldErrors } from "@/lib/api/http";
import { VERBOSITY_NAMES } from "@/lib/jobs/enums";
import { inputClass } from "../../ui/form-field";
import { Field, textareaClass } from "../form/field";
import { FormSection } from "../form/form-section";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { JobTypeChoices, VerbosityChoices } from "../../jobs/run-option-choices";

export const OVERRIDE_TEXT = ["limit", "tags", "skip_tags"] as const;
export type OverrideValues = Record<(typeof OVERRIDE_TEXT)[number] | "variables" | "verbosity" | "job_type", string>;

/** Overrides of the template's run options; empty takes the template's, shown as the placeholder. */
export function ScheduleOverrides({
  template,
  values: v,
  set,
  errors,
}: {
  template: number | null;
  values: OverrideValues;
  set: (k: keyof OverrideValues, v: string) => void;
  errors: FieldErrors;
}) {
  const { t, c } = useCatalogText();
  const tpl = useCatalogItem("template", template).data;
  const inherit = (value: string | undefined) => (tpl ? c.schedules.inherit(value ?? "") : c.schedules.inheritPlain);
  return (
    <FormSection title={c.schedules.overrides} hint={c.schedules.overridesHint}>
      {OVERRIDE_TEXT.map((key) => (
        <Field key={key} label={t.fields[key]} errors={errors[key]}>
          {(p) => (
            <input
              {...p}
              value={v[key]}
              placeholder={inherit(tpl?.[key])}
              onChange={(e) => set(key, e.target.value)}
              className={inputClass}
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
      ))}
      <Field label={t.fields.job_type} errors={errors.job_type}>
        {(p) => (
          <select {...p} value={v.job_type} onChange={(e) => set("job_type", e.target.value)} className={inputClass}>
            <option value="">{inherit(tpl && (t.jobTypes[tpl.job_type] ?? tpl.job_type))}</option>
            <JobTypeChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.verbosity} errors={errors.verbosity}>
        {(p) => (
          <select {...p} value={v.verbosity} onChange={(e) => set("verbosity", e.target.value)} className={inputClass}>
            <option value="">{inherit(tpl && `${tpl.verbosity} (${VERBOSITY_NAMES[tpl.verbosity] ?? ""})`)}</option>
            <VerbosityChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.variables} errors={errors.variables} className="md:col-span-2">
        {(p) => (
          <textarea
            {...p}
            rows={4}
            spellCheck={false}
            value={v.variables}
            placeholder={inherit(tpl?.variables)}
            onChange={(e) => set("variables", e.target.value)}
            className={textareaClass}
          />
        )}
      </Field>
    </FormSection>
  );
}
