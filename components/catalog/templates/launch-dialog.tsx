"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TemplateRecord } from "@/lib/catalog/catalog-records";
import { askedPrompts, promptBody, promptFormOf, promptValuesOf, type PromptValues } from "@/lib/catalog/launch-prompts";
import type { PromptKey } from "@/lib/contracts/job";
import { Dialog, DialogSubmitBar } from "../../ui/dialog";
import { FlagField, FormField, NumberInput, inputClass } from "../../ui/form-field";
import { textareaClass } from "../form/field";
import { ReferenceSelect } from "../form/reference-select";
import { toFieldErrors } from "../form/use-form-state";
import { useLaunch } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { FormErrorsAlert } from "../../jobs/api-error-list";
import { JobTypeChoices, VerbosityChoices } from "../../jobs/run-option-choices";

/** What the template asks for at launch, pre-filled with its own values; launches and opens the job. */
export function LaunchDialog({ template, onClose }: { template: TemplateRecord; onClose: () => void }) {
  const { t, c } = useCatalogText();
  const router = useRouter();
  const launch = useLaunch("template");
  const keys = askedPrompts(template);
  const [values, setValues] = useState<PromptValues>(() => promptValuesOf(template));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const other = Object.fromEntries(Object.entries(errors).filter(([k]) => !(keys as string[]).includes(k)));

  const set = (key: PromptKey, value: PromptValues[PromptKey]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    launch.mutate(
      { id: template.id, prompts: promptBody(keys, values) },
      { onSuccess: (job) => router.push(`/jobs/${job.id}`), onError: (err) => setErrors(toFieldErrors(err)) },
    );
  };

  const input = (key: PromptKey) => {
    const form = promptFormOf(key);
    const value = values[key];
    if (form === "reference") {
      const kind = key as "inventory" | "credential";
      const known = template[kind] === value ? template[`${kind}_name`] : null;
      return (
        <ReferenceSelect
          kind={kind}
          label={t.fields[kind]}
          value={value as number | null}
          knownName={known}
          onChange={(id) => set(key, id)}
          errors={errors[key]}
        />
      );
    }
    if (form === "flag") return <FlagField label={t.fields[key]} checked={value === true} onChange={(x) => set(key, x)} errors={errors[key]} />;
    return (
      <FormField label={t.fields[key]} errors={errors[key]}>
        {(p) =>
          form === "textarea" ? (
            <textarea {...p} rows={5} spellCheck={false} value={String(value)} onChange={(e) => set(key, e.target.value)} className={textareaClass} />
          ) : form === "choice" ? (
            <select {...p} value={String(value)} onChange={(e) => set(key, e.target.value)} className={inputClass}>
              {key === "verbosity" ? <VerbosityChoices /> : <JobTypeChoices />}
            </select>
          ) : form === "int" ? (
            <NumberInput field={p} value={String(value)} onChange={(x) => set(key, x)} />
          ) : (
            <input {...p} value={String(value)} onChange={(e) => set(key, e.target.value)} className={inputClass} spellCheck={false} autoComplete="off" />
          )
        }
      </FormField>
    );
  };

  return (
    <Dialog open onClose={onClose} title={c.templates.promptTitle(template.name)} wide>
      <form noValidate onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-600">{c.templates.promptHint}</p>
        <FormErrorsAlert title={c.templates.promptFailed} errors={other} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {keys.map((key) => (
            <div key={key} className={promptFormOf(key) === "textarea" ? "sm:col-span-2" : ""}>
              {input(key)}
            </div>
          ))}
        </div>
        <DialogSubmitBar
          onCancel={onClose}
          cancelLabel={t.cancel}
          submitLabel={c.templates.promptSubmit}
          pendingLabel={c.templates.launching}
          pending={launch.isPending}
        />
      </form>
    </Dialog>
  );
}
