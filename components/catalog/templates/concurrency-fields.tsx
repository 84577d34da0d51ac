"use client";

import type { FieldErrors } from "@/lib/api/http";
import { NumberInput } from "../../ui/form-field";
import { Field } from "../form/field";
import { FormSection } from "../form/form-section";
import { useCatalogText } from "../use-catalog-text";

export type ConcurrencyValues = { allow_simultaneous: boolean; max_concurrent_jobs: string };

/** A template's concurrency limits: simultaneous runs allowed or not, and a maximum (0: none). */
export function ConcurrencyFields({
  values: v,
  set,
  errors,
}: {
  values: ConcurrencyValues;
  set: <K extends keyof ConcurrencyValues>(k: K, v: ConcurrencyValues[K]) => void;
  errors: FieldErrors;
}) {
  const { c } = useCatalogText();
  return (
    <FormSection title={c.templates.concurrency} hint={c.templates.concurrencyHint}>
      <div>
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-blue-700"
            checked={v.allow_simultaneous}
            onChange={(e) => set("allow_simultaneous", e.target.checked)}
          />
          {c.templates.allowSimultaneous}
        </label>
        {errors.allow_simultaneous && <p className="text-xs text-red-700">{errors.allow_simultaneous.join(" ")}</p>}
      </div>
      <Field label={c.templates.maxConcurrentJobs} errors={errors.max_concurrent_jobs} hint={c.templates.maxConcurrentHint}>
        {(p) => <NumberInput field={p} value={v.max_concurrent_jobs} onChange={(x) => set("max_concurrent_jobs", x)} />}
      </Field>
    </FormSection>
  );
}

/** How the lists and pages name a template's limit. */
export function concurrencyLabel(c: ReturnType<typeof useCatalogText>["c"], allowSimultaneous: boolean, max: number): string {
  if (!allowSimultaneous) return c.templates.oneAtATime;
  return max > 0 ? c.templates.atMost(max) : c.templates.unlimited;
}
