"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors } from "@/lib/api/http";
import type { TemplateRecord } from "@/lib/catalog/catalog-records";
import { askedPrompts } from "@/lib/catalog/launch-prompts";
import { Button } from "../../ui/button";
import { toFieldErrors } from "../form/use-form-state";
import { useLaunch } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";
import { LaunchDialog } from "./launch-dialog";

/**
 * Launches the template and opens the new job; a template that asks for something at launch
 * opens the launch dialog first. A refusal (no playbook, credential, …) goes to `onError`. Not offered to a viewer.
 */
export function LaunchButton({ template, compact, onError }: { template: TemplateRecord; compact?: boolean; onError: (errors: FieldErrors | null) => void }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const launch = useLaunch("template");
  const [prompting, setPrompting] = useState(false);
  const { canOperate } = usePermissions();
  if (!canOperate) return null;
  return (
    <>
      <Button
        variant={compact ? "secondary" : "primary"}
        className={compact ? "h-8 px-2.5" : ""}
        aria-label={c.templates.launchOf(template.name)}
        aria-haspopup={askedPrompts(template).length > 0 ? "dialog" : undefined}
        disabled={launch.isPending}
        onClick={() => {
          onError(null);
          if (askedPrompts(template).length > 0) return setPrompting(true);
          launch.mutate({ id: template.id }, { onSuccess: (job) => router.push(`/jobs/${job.id}`), onError: (e) => onError(toFieldErrors(e)) });
        }}
      >
        <span aria-hidden>▶</span>
        {launch.isPending ? c.templates.launching : c.templates.launch}
      </Button>
      {prompting && <LaunchDialog template={template} onClose={() => setPrompting(false)} />}
    </>
  );
}
