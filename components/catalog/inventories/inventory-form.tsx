"use client";

import type { InventoryRecord } from "@/lib/catalog/catalog-records";
import { NumberInput, inputClass } from "../../ui/form-field";
import { ErrorSummary } from "../form/error-summary";
import { Field, textareaClass } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogText } from "../use-catalog-text";
import { HostPreview } from "./host-preview";

const FIELDS = ["name", "description", "content", "variables", "max_concurrent_jobs"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (i?: InventoryRecord): Values => ({
  name: i?.name ?? "",
  description: i?.description ?? "",
  content: i?.content ?? "",
  variables: i?.variables ?? "",
  max_concurrent_jobs: String(i?.max_concurrent_jobs ?? 0),
});

const EXAMPLE = "[web]\n192.168.1.10\n192.168.1.11 ansible_port=2222\n\n[db]\ndb01.example.com";

export function InventoryForm({ inventory }: { inventory?: InventoryRecord }) {
  const { c } = useCatalogText();
  const { form, save, notice, submit } = useCatalogForm("inventory", inventory, valuesOf(inventory), valuesOf, "/inventories");
  const { values: v, set, errors } = form;
  const labels = {
    name: c.common.name,
    description: c.common.description,
    content: c.inventories.content,
    variables: c.inventories.variables,
    max_concurrent_jobs: c.inventories.maxConcurrentJobs,
  };

  return (
    <form
      noValidate
      onSubmit={submit(() => ({ ...v, max_concurrent_jobs: v.max_concurrent_jobs.trim() === "" ? 0 : v.max_concurrent_jobs }))}
      className="space-y-4"
    >
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={FIELDS} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label={c.common.description} errors={errors.description}>
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        <Field label={c.inventories.content} errors={errors.content} hint={c.inventories.contentHint} className="md:col-span-2">
          {(p) => (
            <textarea
              {...p}
              rows={10}
              spellCheck={false}
              placeholder={EXAMPLE}
              value={v.content}
              onChange={(e) => set("content", e.target.value)}
              className={textareaClass}
            />
          )}
        </Field>
        <HostPreview content={v.content} />
        <Field label={c.inventories.maxConcurrentJobs} errors={errors.max_concurrent_jobs} hint={c.inventories.maxConcurrentHint}>
          {(p) => <NumberInput field={p} value={v.max_concurrent_jobs} onChange={(x) => set("max_concurrent_jobs", x)} />}
        </Field>
        <Field label={c.inventories.variables} errors={errors.variables} className="md:col-span-2">
          {(p) => (
            <textarea
              {...p}
              rows={4}
              spellCheck={false}
              placeholder="ansible_user: deploy"
              value={v.variables}
              onChange={(e) => set("variables", e.target.value)}
              className={textareaClass}
            />
          )}
        </Field>
      </FormSection>
      <FormFooter isNew={!inventory} pending={save.isPending} notice={notice} listHref="/inventories" />
    </form>
  );
}
