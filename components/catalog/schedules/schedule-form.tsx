"use client";

import type { ScheduleRecord } from "@/lib/catalog/catalog-records";
import { DEFAULT_TIMEZONE } from "@/lib/schedules/zone-time";
import { inputClass } from "../../ui/form-field";
import { ErrorSummary } from "../form/error-summary";
import { Field } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { ReferenceSelect } from "../form/reference-select";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogText } from "../use-catalog-text";
import { CronField } from "./cron-field";
import { OVERRIDE_REFERENCES, OVERRIDE_TEXT, ScheduleOverrides, type OverrideValues } from "./schedule-overrides";
import { TimezoneField } from "./timezone-field";

type Values = OverrideValues & { name: string; description: string; template: number | null; cron: string; timezone: string; enabled: boolean };

const FIELDS = [
  "name",
  "description",
  "template",
  "cron",
  "timezone",
  "enabled",
  ...OVERRIDE_REFERENCES,
  "variables",
  "verbosity",
  "job_type",
  "forks",
  "diff_mode",
  ...OVERRIDE_TEXT,
];

const valuesOf = (s?: ScheduleRecord, template?: number | null): Values => ({
  name: s?.name ?? "",
  description: s?.description ?? "",
  template: s?.template ?? template ?? null,
  cron: s?.cron ?? "",
  timezone: s?.timezone ?? DEFAULT_TIMEZONE,
  enabled: s?.enabled ?? true,
  limit: s?.limit ?? "",
  tags: s?.tags ?? "",
  skip_tags: s?.skip_tags ?? "",
  variables: s?.variables ?? "",
  verbosity: s?.verbosity == null ? "" : String(s.verbosity),
  job_type: s?.job_type ?? "",
  inventory: s?.inventory ?? null,
  credential: s?.credential ?? null,
  forks: s?.forks == null ? "" : String(s.forks),
  diff_mode: s?.diff_mode == null ? "" : String(s.diff_mode),
});

/** An empty override is null: the template's value is taken at each launch. */
function bodyOf(v: Values): Record<string, unknown> {
  const orNull = (s: string) => (s.trim() === "" ? null : s);
  return {
    name: v.name,
    description: v.description,
    template: v.template,
    cron: v.cron,
    timezone: v.timezone,
    enabled: v.enabled,
    limit: orNull(v.limit),
    tags: orNull(v.tags),
    skip_tags: orNull(v.skip_tags),
    variables: orNull(v.variables),
    verbosity: v.verbosity === "" ? null : Number(v.verbosity),
    job_type: orNull(v.job_type),
    inventory: v.inventory,
    credential: v.credential,
    forks: orNull(v.forks),
    diff_mode: v.diff_mode === "" ? null : Number(v.diff_mode),
  };
}

export function ScheduleForm({ schedule, template }: { schedule?: ScheduleRecord; template?: number | null }) {
  const { t, c } = useCatalogText();
  const { form, save, notice, submit } = useCatalogForm("schedule", schedule, valuesOf(schedule, template), (saved) => valuesOf(saved, template), "/schedules");
  const { values: v, set, errors } = form;
  const labels: Record<string, string> = {
    ...t.fields,
    name: c.common.name,
    description: c.common.description,
    cron: c.schedules.cron,
    timezone: c.schedules.timezone,
    enabled: c.schedules.enabled,
  };

  return (
    <form noValidate onSubmit={submit(() => bodyOf(v))} className="space-y-4">
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={FIELDS} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <ReferenceSelect
          kind="template"
          label={t.fields.template}
          value={v.template}
          knownName={schedule?.template === v.template ? schedule?.template_name : null}
          onChange={(id) => set("template", id)}
          errors={errors.template}
          required
        />
        <Field label={c.common.description} errors={errors.description} className="md:col-span-2">
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        <CronField value={v.cron} timezone={v.timezone} onChange={(s) => set("cron", s)} errors={errors.cron} />
        <TimezoneField value={v.timezone} onChange={(s) => set("timezone", s)} errors={errors.timezone} />
        <div className="md:col-span-2">
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-blue-700" checked={v.enabled} onChange={(e) => set("enabled", e.target.checked)} />
            {c.schedules.enabled}
          </label>
          {errors.enabled && <p className="text-xs text-red-700">{errors.enabled.join(" ")}</p>}
        </div>
      </FormSection>
      <ScheduleOverrides template={v.template} values={v} set={(k, value) => set(k, value as Values[typeof k])} errors={errors} />
      <FormFooter isNew={!schedule} pending={save.isPending} notice={notice} listHref="/schedules" />
    </form>
  );
}
