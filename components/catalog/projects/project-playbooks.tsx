"use client";

import { useState } from "react";
import type { ProjectRecord } from "@/lib/catalog/catalog-records";
import { Button } from "../../ui/button";
import { toFieldErrors } from "../form/use-form-state";
import { useSyncProject } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { ForRole } from "../../auth/for-role";

/** The playbooks the last scan found; a sync clones or fetches a git project, or rescans a folder. */
export function ProjectPlaybooks({ project }: { project: ProjectRecord }) {
  const { c } = useCatalogText();
  const sync = useSyncProject();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const isGit = project.scm_type === "git";

  const run = () =>
    sync.mutate(project.id, {
      onSuccess: () => setStatus({ ok: true, text: isGit ? c.projects.synced : c.projects.rescanned }),
      onError: (e) => setStatus({ ok: false, text: Object.values(toFieldErrors(e)).flat().join(" ") }),
    });

  return (
    <section aria-labelledby="playbooks-title" className="rounded-md border border-slate-200 bg-white">
      <div className="flex min-h-11 flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
        <h2 id="playbooks-title" className="text-sm font-semibold text-slate-800">
          {c.projects.playbooksTitle(project.playbooks.length)}
        </h2>
        <div className="flex items-center gap-3">
          <p role="status" className={`text-sm ${status?.ok === false ? "text-red-700" : "text-green-800"}`}>
            {status?.text}
          </p>
          <ForRole role="operator">
            <Button onClick={run} disabled={sync.isPending}>
              {isGit ? (sync.isPending ? c.projects.syncing : c.projects.sync) : sync.isPending ? c.projects.rescanning : c.projects.rescan}
            </Button>
          </ForRole>
        </div>
      </div>
      <div className="space-y-3 p-4">
        {project.sync_error && (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">{c.projects.syncError}</p>
            <p className="mt-0.5 whitespace-pre-wrap break-words font-mono text-[13px]">{project.sync_error}</p>
          </div>
        )}
        {isGit && project.scm_revision && (
          <p className="text-xs text-slate-600">
            {c.projects.revision}: <code className="font-mono">{project.scm_revision}</code>
          </p>
        )}
        {project.playbooks.length === 0 ? (
          <p className="text-sm text-slate-600">{isGit ? c.projects.gitNoPlaybooks : c.projects.noPlaybooks}</p>
        ) : (
          <ul aria-label={c.projects.playbooks} className="flex flex-wrap gap-2">
            {project.playbooks.map((p) => (
              <li key={p} className="rounded bg-slate-100 px-2 py-1 font-mono text-[13px] text-slate-800">
                {p}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
