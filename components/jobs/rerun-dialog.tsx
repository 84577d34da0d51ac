"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { HttpError } from "@/lib/api/http";
import type { JobRecord } from "@/lib/jobs/job-record";
import {
  changedOptions,
  EDITABLE_OPTIONS,
  FLAG_OPTIONS,
  formErrors,
  RerunOptions,
  rerunBody,
  rerunFormValues,
  TEXT_OPTIONS,
  type RerunFormValues,
} from "@/lib/jobs/rerun";
import { Dialog, DialogSubmitBar } from "../ui/dialog";
import { FlagField, FormField, NumberInput, inputClass } from "../ui/form-field";
import { useI18n } from "../i18n/i18n-provider";
import { FormErrorsAlert } from "./api-error-list";
import { RerunChanges } from "./rerun-changes";
import { useCreateJob } from "./use-job-queries";
import { JobTypeChoices, VerbosityChoices } from "./run-option-choices";

/** Edit the copied run options, see what changed, re-run; API errors land beside their fields. */
export function RerunDialog({ job, onClose }: { job: JobRecord; onClose: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const create = useCreateJob();
  const [values, setValues] = useState<RerunFormValues>(() => rerunFormValues(job));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const parsed = RerunOptions.safeParse(values);
  const changes = parsed.success ? changedOptions(job, parsed.data) : [];
  const otherErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => !(EDITABLE_OPTIONS as readonly string[]).includes(k)));

  const set = <K extends keyof RerunFormValues>(key: K, value: RerunFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) return setErrors(formErrors(parsed.error));
    setErrors({});
    create.mutate(rerunBody(job, parsed.data), {
      onSuccess: (created) => router.push(`/jobs/${created.id}`),
      onError: (err) => setErrors(err instanceof HttpError && err.fieldErrors ? err.fieldErrors : { non_field_errors: [err.message] }),
    });
  };

  return (
    <Dialog open onClose={onClose} title={t.rerun.dialogTitle(job.id)} wide>
      <form noValidate onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-600">{t.rerun.dialogHint}</p>
        <FormErrorsAlert title={t.rerun.failed} errors={otherErrors} />
        <FormField label={t.fields.variables} errors={errors.variables}>
          {(p) => (
            <textarea
              {...p}
              rows={5}
              spellCheck={false}
              value={values.variables}
              onChange={(e) => set("variables", e.target.value)}
              className={`${inputClass} h-auto py-2 font-mono text-[13px]`}
            />
          )}
        </FormField>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {TEXT_OPTIONS.map((key) => (
            <FormField key={key} label={t.fields[key]} errors={errors[key]}>
              {(p) => <input {...p} value={values[key]} onChange={(e) => set(key, e.target.value)} className={inputClass} />}
            </FormField>
          ))}
          <FormField label={t.fields.job_type} errors={errors.job_type}>
            {(p) => (
              <select {...p} value={values.job_type} onChange={(e) => set("job_type", e.target.value)} className={inputClass}>
                <JobTypeChoices />
              </select>
            )}
          </FormField>
          <FormField label={t.fields.verbosity} errors={errors.verbosity}>
            {(p) => (
              <select {...p} value={values.verbosity} onChange={(e) => set("verbosity", e.target.value)} className={inputClass}>
                <VerbosityChoices />
              </select>
            )}
          </FormField>
          {(["forks", "timeout"] as const).map((key) => (
            <FormField key={key} label={t.fields[key]} errors={errors[key]}>
              {(p) => <NumberInput field={p} value={values[key]} onChange={(x) => set(key, x)} />}
            </FormField>
          ))}
        </div>
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
          <legend className="sr-only">{t.detail.options}</legend>
          {FLAG_OPTIONS.map((key) => (
            <FlagField key={key} label={t.fields[key]} checked={values[key]} onChange={(x) => set(key, x)} errors={errors[key]} />
          ))}
        </fieldset>
        <RerunChanges changes={changes} />
        <DialogSubmitBar onCancel={onClose} cancelLabel={t.cancel} submitLabel={t.rerun.submit} pendingLabel={t.rerun.submitting} pending={create.isPending} />
      </form>
    </Dialog>
  );
}
