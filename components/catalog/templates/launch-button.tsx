"use client";

import { useRouter } from "next/navigation";
import type { FieldErrors } from "@/lib/api/http";
import { Button } from "../../ui/button";
import { toFieldErrors } from "../form/use-form-state";
import { useLaunch } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

/** POST …/launch/ and open the new job; a refusal (no playbook, credential, …) goes to `onError`. Not offered to a viewer. */
export function LaunchButton({ id, name, compact, onError }: { id: number; name: string; compact?: boolean; onError: (errors: FieldErrors | null) => void }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const launch = useLaunch("template");
  const { canOperate } = usePermissions();
  if (!canOperate) return null;
  return (
    <Button
      variant={compact ? "secondary" : "primary"}
      className={compact ? "h-8 px-2.5" : ""}
      aria-label={c.templates.launchOf(name)}
      disabled={launch.isPending}
      onClick={() => {
        onError(null);
        launch.mutate(id, { onSuccess: (job) => router.push(`/jobs/${job.id}`), onError: (e) => onError(toFieldErrors(e)) });
      }}
    >
      <span aria-hidden>▶</span>
      {launch.isPending ? c.templates.launching : c.templates.launch}
    </Button>
  );
}
