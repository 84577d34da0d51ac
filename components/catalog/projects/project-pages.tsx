"use client";

import { useRouter } from "next/navigation";
import type { ProjectRecord } from "@/lib/catalog/catalog-records";
import { LocalTime } from "../../ui/local-time";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { ProjectForm } from "./project-form";
import { ProjectPlaybooks } from "./project-playbooks";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";

export function ProjectList() {
  const { c } = useCatalogText();
  return (
    <ResourceList
      kind="project"
      basePath="/projects"
      title={c.projects.title}
      newLabel={c.projects.new}
      tableLabel={c.projects.table}
      columns={[
        { key: "type", header: c.projects.scmType, cell: (p) => c.projects.typesShort[p.scm_type] ?? p.scm_type },
        {
          key: "source",
          header: c.projects.source,
          className: "hidden md:table-cell",
          cell: (p) => (
            <span className="break-all font-mono text-[13px] text-slate-700">
              {p.scm_type === "git" ? `${p.scm_url}${p.scm_branch ? ` (${p.scm_branch})` : ""}` : p.local_path}
            </span>
          ),
        },
        {
          key: "playbooks",
          header: c.projects.playbooks,
          cell: (p) => (
            <span title={p.playbooks.join("\n")}>
              {c.projects.playbookCount(p.playbooks.length)}
              {p.playbooks[0] && (
                <span className="ml-2 hidden font-mono text-[13px] text-slate-500 lg:inline">
                  {p.playbooks.slice(0, 2).join(", ")}
                  {p.playbooks.length > 2 ? " …" : ""}
                </span>
              )}
            </span>
          ),
        },
        { key: "ctime", header: c.common.ctime, className: "hidden lg:table-cell whitespace-nowrap", cell: (p) => <LocalTime value={p.ctime} /> },
      ]}
    />
  );
}

export function NewProject() {
  const { c } = useCatalogText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={c.projects.new} backHref="/projects" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <ProjectForm />
      </ForRole>
    </div>
  );
}

export function ProjectEdit({ initial }: { initial: ProjectRecord }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const project = useCatalogItem("project", initial.id, initial).data ?? initial;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={c.projects.editTitle(project.name)}
        backHref="/projects"
        actions={<DeleteButton kind="project" id={project.id} name={project.name} onDeleted={() => router.push("/projects")} />}
      />
      <ProjectPlaybooks project={project} />
      <ProjectForm project={project} />
    </div>
  );
}
