"use client";

import type { FieldErrors } from "@/lib/api/http";
import { FLAG_OPTIONS, TEXT_OPTIONS, type FlagOption, type TextOption } from "@/lib/contracts/job";
import { NumberInput, inputClass } from "../../ui/form-field";
import { Field, textareaClass } from "../form/field";
import { FormSection } from "../form/form-section";
import { useCatalogText } from "../use-catalog-text";
import { JobTypeChoices, VerbosityChoices } from "../../jobs/run-option-choices";
import { AskToggle, type AskValues } from "./ask-toggle";

export { FLAG_OPTIONS, TEXT_OPTIONS };

export type RunOptionValues = Record<TextOption | "job_type" | "forks" | "timeout" | "verbosity" | "variables", string> &
  Record<FlagOption, boolean> &
  AskValues;

/** A template's run options, as a job has them, each a launch may set with its "启动时询问" checkbox. */
export function RunOptions({
  values: v,
  set,
  errors,
}: {
  values: RunOptionValues;
  set: <K extends keyof RunOptionValues>(k: K, v: RunOptionValues[K]) => void;
  errors: FieldErrors;
}) {
  const { t, c } = useCatalogText();
  const ask = (field: string) => <AskToggle field={field} values={v} set={set} />;
  return (
    <FormSection title={c.templates.runOptions}>
      <Field label={t.fields.job_type} errors={errors.job_type} badge={ask("job_type")}>
        {(p) => (
          <select {...p} value={v.job_type} onChange={(e) => set("job_type", e.target.value)} className={inputClass}>
            <JobTypeChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.verbosity} errors={errors.verbosity} badge={ask("verbosity")}>
        {(p) => (
          <select {...p} value={v.verbosity} onChange={(e) => set("verbosity", e.target.value)} className={inputClass}>
            <VerbosityChoices />
          </select>
        )}
      </Field>
      <Field label={t.fields.forks} errors={errors.forks} hint={c.templates.defaultForks} badge={ask("forks")}>
        {(p) => <NumberInput field={p} max={200} value={v.forks} onChange={(x) => set("forks", x)} />}
      </Field>
      <Field label={t.fields.timeout} errors={errors.timeout} hint={c.templates.noTimeout}>
        {(p) => <NumberInput field={p} value={v.timeout} onChange={(x) => set("timeout", x)} />}
      </Field>
      {TEXT_OPTIONS.map((key) => (
        <Field key={key} label={t.fields[key]} errors={errors[key]} badge={ask(key)}>
          {(p) => <input {...p} value={v[key]} onChange={(e) => set(key, e.target.value)} className={inputClass} spellCheck={false} autoComplete="off" />}
        </Field>
      ))}
      <Field label={t.fields.variables} errors={errors.variables} className="md:col-span-2" badge={ask("variables")}>
        {(p) => (
          <textarea
            {...p}
            rows={5}
            spellCheck={false}
            placeholder={"version: 1.2.3\napp_port: 8080"}
            value={v.variables}
            onChange={(e) => set("variables", e.target.value)}
            className={textareaClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-x-6 gap-y-2 md:col-span-2">
        {FLAG_OPTIONS.map((key) => (
          <div key={key} className="flex items-center gap-3">
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-blue-700" checked={v[key]} onChange={(e) => set(key, e.target.checked)} />
              {t.fields[key]}
            </label>
            {ask(key)}
            {errors[key] && <p className="text-xs text-red-700">{errors[key].join(" ")}</p>}
          </div>
        ))}
      </div>
    </FormSection>
  );
}
