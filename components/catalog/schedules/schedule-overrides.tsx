"use client";

import type { FieldErrors } from "@/lib/api/http";
import { askFlag, type PromptKey } from "@/lib/contracts/job";
import { flagName, VERBOSITY_NAMES } from "@/lib/jobs/enums";
import { NumberInput, inputClass } from "../../ui/form-field";
import { Field, textareaClass } from "../form/field";
import { FormSection } from "../form/form-section";
import { ReferenceSelect } from "../form/reference-select";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { JobTypeChoices, VerbosityChoices } from "../../jobs/run-option-choices";

export const OVERRIDE_TEXT = ["limit", "tags", "skip_tags"] as const;
export const OVERRIDE_REFERENCES = ["inventory", "credential"] as const;
export type OverrideValues = Record<(typeof OVERRIDE_TEXT)[number] | "variables" | "verbosity" | "job_type" | "forks" | "diff_mode", string> &
  Record<(typeof OVERRIDE_REFERENCES)[number], number | null>;

/**
 * Overrides of what the template asks at launch; empty takes the template's, shown as the
 * placeholder. A field the template does not ask for says that it will have no effect.
 */
export function ScheduleOverrides({
  template,
  values: v,
  set,
  errors,
}: {
  template: number | null;
  values: OverrideValues;
  set: <K extends keyof OverrideValues>(k: K, v: OverrideValues[K]) => void;
  errors: FieldErrors;
}) {
  const { t, c } = useCatalogText();
  const tpl = useCatalogItem("template", template).data;
  const inherit = (value: string | undefined) => (tpl ? c.schedules.inherit(value ?? "") : c.schedules.inheritPlain);
  const notAsked = (key: PromptKey) => (tpl && !tpl[askFlag(key)] ? c.schedules.notAsked : undefined);
  return (
    <FormSection title={c.schedules.overrides} hint={c.schedules.overridesHint}>
      {OVERRIDE_REFERENCES.map((key) => (
        <div key={key} className="min-w-0">
          <ReferenceSelect kind={key} label={t.fields[key]} value={v[key]} onChange={(id) => set(key, id)} errors={errors[key]} />
          <p className="mt-1 text-xs text-slate-500">{[inherit(tpl?.[`${key}_name`] ?? undefined), notAsked(key)].filter(Boolean).join("；")}</p>
        </div>
      ))}
      {OVERRIDE_TEXT.map((key) => (
        <Field key={key} label={t.fields[key]} errors={errors[key]} hint={notAsked(key)}>
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
      <Field label={t.fields.job_type} errors={errors.job_type} hint={notAsked("job_type")}>
        {(p) => (
          <select {...p} value={v.job_type} onChange={(e) => set("job_type", e.target.value)} className={inputClass}>
            <option value="">{inherit(tpl && (t.jobTypes[tpl.job_type] ?? tpl.job_type))}</option>
            <JobTypeChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.verbosity} errors={errors.verbosity} hint={notAsked("verbosity")}>
        {(p) => (
          <select {...p} value={v.verbosity} onChange={(e) => set("verbosity", e.target.value)} className={inputClass}>
            <option value="">{inherit(tpl && `${tpl.verbosity} (${VERBOSITY_NAMES[tpl.verbosity] ?? ""})`)}</option>
            <VerbosityChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.forks} errors={errors.forks} hint={notAsked("forks")}>
        {(p) => <NumberInput field={p} max={200} value={v.forks} placeholder={inherit(tpl && String(tpl.forks))} onChange={(x) => set("forks", x)} />}
      </Field>
      <Field label={t.fields.diff_mode} errors={errors.diff_mode} hint={notAsked("diff_mode")}>
        {(p) => (
          <select {...p} value={v.diff_mode} onChange={(e) => set("diff_mode", e.target.value)} className={inputClass}>
            <option value="">{inherit(tpl && flagName(tpl.diff_mode))}</option>
            <option value="1">{flagName(1)}</option>
            <option value="0">{flagName(0)}</option>
          </select>
        )}
      </Field>
      <Field label={t.fields.variables} errors={errors.variables} className="md:col-span-2" hint={notAsked("variables")}>
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
