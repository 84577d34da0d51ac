"use client";

import type { TemplateRecord } from "@/lib/catalog/catalog-records";
import type { FlagOption, TextOption } from "@/lib/contracts/job";
import { inputClass } from "../../ui/form-field";
import { ErrorSummary } from "../form/error-summary";
import { Field } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { ReferenceSelect } from "../form/reference-select";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogText } from "../use-catalog-text";
import { ConcurrencyFields, type ConcurrencyValues } from "./concurrency-fields";
import { PlaybookSelect } from "./playbook-select";
import { FLAG_OPTIONS, RunOptions, TEXT_OPTIONS, type RunOptionValues } from "./run-options";
import { ASK_FLAGS, AskToggle, askValuesOf } from "./ask-toggle";

type Values = RunOptionValues &
  ConcurrencyValues & {
    name: string;
    description: string;
    project: number | null;
    playbook: string;
    inventory: number | null;
    credential: number | null;
  };

const FIELDS = [
  "name",
  "description",
  "project",
  "playbook",
  "inventory",
  "credential",
  "job_type",
  "verbosity",
  "forks",
  "timeout",
  "variables",
  ...TEXT_OPTIONS,
  ...FLAG_OPTIONS,
  "allow_simultaneous",
  "max_concurrent_jobs",
  ...ASK_FLAGS,
];

const valuesOf = (r?: TemplateRecord): Values => ({
  name: r?.name ?? "",
  description: r?.description ?? "",
  project: r?.project ?? null,
  playbook: r?.playbook ?? "",
  inventory: r?.inventory ?? null,
  credential: r?.credential ?? null,
  job_type: r?.job_type ?? "run",
  verbosity: String(r?.verbosity ?? 0),
  forks: String(r?.forks ?? 0),
  timeout: String(r?.timeout ?? 0),
  ...(Object.fromEntries(TEXT_OPTIONS.map((k) => [k, r?.[k] ?? ""])) as Record<TextOption, string>),
  variables: r?.variables ?? "",
  ...(Object.fromEntries(FLAG_OPTIONS.map((k) => [k, !!r?.[k]])) as Record<FlagOption, boolean>),
  allow_simultaneous: r?.allow_simultaneous ?? true,
  max_concurrent_jobs: String(r?.max_concurrent_jobs ?? 0),
  ...askValuesOf(r),
});

/** The API judges every value (its DRF errors land beside the fields); only the types are shaped here. */
function bodyOf(v: Values): Record<string, unknown> {
  return {
    ...v,
    forks: v.forks.trim() === "" ? 0 : v.forks,
    timeout: v.timeout.trim() === "" ? 0 : v.timeout,
    max_concurrent_jobs: v.max_concurrent_jobs.trim() === "" ? 0 : v.max_concurrent_jobs,
    verbosity: Number(v.verbosity),
    ...Object.fromEntries(FLAG_OPTIONS.map((k) => [k, v[k] ? 1 : 0])),
  };
}

export function TemplateForm({ template }: { template?: TemplateRecord }) {
  const { t, c } = useCatalogText();
  const { form, save, notice, submit } = useCatalogForm("template", template, valuesOf(template), valuesOf, "/templates");
  const { values: v, set, errors } = form;
  const labels: Record<string, string> = {
    ...t.fields,
    name: c.common.name,
    description: c.common.description,
    allow_simultaneous: c.templates.allowSimultaneous,
    max_concurrent_jobs: c.templates.maxConcurrentJobs,
  };

  return (
    <form noValidate onSubmit={submit(() => bodyOf(v))} className="space-y-4">
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={FIELDS} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label={c.common.description} errors={errors.description}>
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        <ReferenceSelect
          kind="project"
          label={t.fields.project}
          value={v.project}
          knownName={template?.project === v.project ? template?.project_name : null}
          onChange={(id) => {
            set("project", id);
            if (id !== v.project) set("playbook", "");
          }}
          errors={errors.project}
          required
        />
        <PlaybookSelect project={v.project} value={v.playbook} onChange={(pb) => set("playbook", pb)} errors={errors.playbook} />
        <div className="min-w-0 space-y-1">
          <ReferenceSelect
            kind="inventory"
            label={t.fields.inventory}
            value={v.inventory}
            knownName={template?.inventory === v.inventory ? template?.inventory_name : null}
            onChange={(id) => set("inventory", id)}
            errors={errors.inventory}
            required
          />
          <AskToggle field="inventory" values={v} set={set} />
        </div>
        <div className="min-w-0 space-y-1">
          <ReferenceSelect
            kind="credential"
            label={t.fields.credential}
            value={v.credential}
            knownName={template?.credential === v.credential ? template?.credential_name : null}
            onChange={(id) => set("credential", id)}
            errors={errors.credential}
            required
          />
          <AskToggle field="credential" values={v} set={set} />
        </div>
      </FormSection>
      <RunOptions values={v} set={(k, value) => set(k, value as Values[typeof k])} errors={errors} />
      <ConcurrencyFields values={v} set={(k, value) => set(k, value as Values[typeof k])} errors={errors} />
      <FormFooter isNew={!template} pending={save.isPending} notice={notice} listHref="/templates" />
    </form>
  );
}
