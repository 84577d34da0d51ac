"use client";

import type { ProjectRecord } from "@/lib/catalog/catalog-records";
import { inputClass } from "../../ui/form-field";
import { ErrorSummary } from "../form/error-summary";
import { Field } from "../form/field";
import { FormFooter } from "../form/form-footer";
import { FormSection } from "../form/form-section";
import { useCatalogForm } from "../form/use-catalog-form";
import { useCatalogText } from "../use-catalog-text";
import { FolderSelect } from "./folder-select";

const SCM_TYPES = ["manual", "git"] as const;
const FIELDS = ["name", "description", "scm_type", "local_path", "scm_url", "scm_branch"] as const;

type Values = { name: string; description: string; scm_type: string; local_path: string; scm_url: string; scm_branch: string };

const valuesOf = (p?: ProjectRecord): Values => ({
  name: p?.name ?? "",
  description: p?.description ?? "",
  scm_type: p?.scm_type ?? "manual",
  local_path: p?.local_path ?? "",
  scm_url: p?.scm_url ?? "",
  scm_branch: p?.scm_branch ?? "",
});

/** Create or edit a project: a folder under the projects root, or a Git URL and branch. */
export function ProjectForm({ project }: { project?: ProjectRecord }) {
  const { c } = useCatalogText();
  const { form, save, notice, submit } = useCatalogForm("project", project, valuesOf(project), valuesOf, "/projects");
  const { values: v, set, errors } = form;
  const isGit = v.scm_type === "git";
  const labels = {
    name: c.common.name,
    description: c.common.description,
    scm_type: c.projects.scmType,
    local_path: c.projects.localPath,
    scm_url: c.projects.scmUrl,
    scm_branch: c.projects.scmBranch,
  };

  const bodyOf = (): Record<string, unknown> => {
    const body = {
      name: v.name,
      description: v.description,
      scm_type: v.scm_type,
      scm_branch: v.scm_branch,
      ...(isGit ? { scm_url: v.scm_url } : { local_path: v.local_path }),
    };
    return body;
  };

  return (
    <form noValidate onSubmit={submit(bodyOf)} className="space-y-4">
      <ErrorSummary title={c.common.saveFailed} errors={errors} shown={FIELDS} labels={labels} />
      <FormSection title={c.common.settings}>
        <Field label={c.common.name} required errors={errors.name}>
          {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label={c.projects.scmType} errors={errors.scm_type}>
          {(p) => (
            <select {...p} value={v.scm_type} onChange={(e) => set("scm_type", e.target.value)} className={inputClass}>
              {SCM_TYPES.map((s) => (
                <option key={s} value={s}>
                  {c.projects.types[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={c.common.description} errors={errors.description} className="md:col-span-2">
          {(p) => <input {...p} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />}
        </Field>
        {isGit ? (
          <>
            <Field label={c.projects.scmUrl} required errors={errors.scm_url} hint={c.projects.scmUrlHint}>
              {(p) => (
                <input {...p} value={v.scm_url} onChange={(e) => set("scm_url", e.target.value)} className={inputClass} spellCheck={false} autoComplete="off" />
              )}
            </Field>
            <Field label={c.projects.scmBranch} errors={errors.scm_branch} hint={c.projects.scmBranchHint}>
              {(p) => (
                <input
                  {...p}
                  value={v.scm_branch}
                  onChange={(e) => set("scm_branch", e.target.value)}
                  className={inputClass}
                  spellCheck={false}
                  autoComplete="off"
                />
              )}
            </Field>
          </>
        ) : (
          <FolderSelect value={v.local_path} onChange={(f) => set("local_path", f)} errors={errors.local_path} />
        )}
      </FormSection>
      <FormFooter isNew={!project} pending={save.isPending} notice={notice} listHref="/projects" />
    </form>
  );
}
