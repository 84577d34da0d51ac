"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors } from "@/lib/api/http";
import type { TemplateRecord } from "@/lib/catalog/catalog-records";
import { historyHref } from "@/lib/jobs/history-search";
import { buttonClass } from "../../ui/button";
import { ActionError } from "../form/action-error";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { LastRun } from "../list/last-run";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { LaunchButton } from "./launch-button";
import { concurrencyLabel } from "./concurrency-fields";
import { TemplateForm } from "./template-form";
import { TemplateTrend } from "./template-trend";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";

const Gone = ({ id }: { id: number | null }) => (id === null ? <span className="text-slate-500">—</span> : <span className="text-slate-500">#{id}</span>);

export function TemplateList() {
  const { t, c } = useCatalogText();
  const [failed, setFailed] = useState<{ name: string; errors: FieldErrors } | null>(null);
  return (
    <ResourceList
      kind="template"
      basePath="/templates"
      title={c.templates.title}
      newLabel={c.templates.new}
      tableLabel={c.templates.table}
      banner={failed && <ActionError title={c.templates.launchFailed(failed.name)} errors={failed.errors} />}
      actions={(r) => <LaunchButton template={r} compact onError={(errors) => setFailed(errors && { name: r.name, errors })} />}
      columns={[
        {
          key: "project",
          header: t.fields.projectPlaybook,
          cell: (r) => (
            <>
              {r.project_name ?? <Gone id={r.project} />}
              {r.playbook && <p className="font-mono text-[13px] text-slate-500">{r.playbook}</p>}
            </>
          ),
        },
        { key: "inventory", header: t.fields.inventory, className: "hidden md:table-cell", cell: (r) => r.inventory_name ?? <Gone id={r.inventory} /> },
        { key: "credential", header: t.fields.credential, className: "hidden md:table-cell", cell: (r) => r.credential_name ?? <Gone id={r.credential} /> },
        { key: "job_type", header: t.fields.job_type, className: "hidden lg:table-cell", cell: (r) => t.jobTypes[r.job_type] ?? r.job_type },
        {
          key: "concurrency",
          header: c.templates.limitColumn,
          className: "hidden lg:table-cell whitespace-nowrap",
          cell: (r) => concurrencyLabel(c, r.allow_simultaneous, r.max_concurrent_jobs),
        },
        { key: "last_run", header: c.common.lastRun, cell: (r) => <LastRun record={r} /> },
      ]}
    />
  );
}

export function NewTemplate() {
  const { c } = useCatalogText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={c.templates.new} backHref="/templates" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <TemplateForm />
      </ForRole>
    </div>
  );
}

export function TemplateEdit({ initial }: { initial: TemplateRecord }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const template = useCatalogItem("template", initial.id, initial).data ?? initial;
  const [launchErrors, setLaunchErrors] = useState<FieldErrors | null>(null);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={c.templates.editTitle(template.name)}
        backHref="/templates"
        actions={
          <>
            <Link href={historyHref({ template: template.id })} className={buttonClass("ghost")}>
              {c.templates.jobs}
            </Link>
            <ForRole role="operator">
              <Link href={`/schedules/new?template=${template.id}`} className={buttonClass("ghost")}>
                {c.templates.addSchedule}
              </Link>
            </ForRole>
            <DeleteButton kind="template" id={template.id} name={template.name} onDeleted={() => router.push("/templates")} />
            <LaunchButton template={template} onError={setLaunchErrors} />
          </>
        }
      >
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">{c.common.lastRun}</span>
          <LastRun record={template} inline />
          <span className="ml-4 text-slate-500">{c.templates.limitColumn}</span>
          <span>{concurrencyLabel(c, template.allow_simultaneous, template.max_concurrent_jobs)}</span>
        </p>
        <ForRole role="operator">
          <p className="text-xs text-slate-500">{c.templates.launchSaved}</p>
        </ForRole>
      </PageHeader>
      <ActionError title={c.templates.launchFailed(template.name)} errors={launchErrors} />
      <TemplateTrend templateId={template.id} />
      <TemplateForm template={template} />
    </div>
  );
}
