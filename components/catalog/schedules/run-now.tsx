"use client";

import Link from "next/link";
import type { FieldErrors } from "@/lib/api/http";
import { Button } from "../../ui/button";
import { ActionError } from "../form/action-error";
import { toFieldErrors } from "../form/use-form-state";
import { useLaunch } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { usePermissions } from "../../auth/use-permissions";

export type RunResult = { name: string; jobId: number } | { name: string; errors: FieldErrors };

/** POST …/schedule/<id>/launch/: the schedule's job, now. Not offered to a viewer. */
export function RunNowButton({ id, name, compact, onResult }: { id: number; name: string; compact?: boolean; onResult: (r: RunResult | null) => void }) {
  const { c } = useCatalogText();
  const launch = useLaunch("schedule");
  const { canOperate } = usePermissions();
  if (!canOperate) return null;
  return (
    <Button
      variant={compact ? "secondary" : "primary"}
      className={compact ? "h-8 px-2.5" : ""}
      aria-label={c.schedules.runNowOf(name)}
      disabled={launch.isPending}
      onClick={() => {
        onResult(null);
        launch.mutate({ id }, { onSuccess: (job) => onResult({ name, jobId: job.id }), onError: (e) => onResult({ name, errors: toFieldErrors(e) }) });
      }}
    >
      <span aria-hidden>▶</span>
      {launch.isPending ? c.schedules.running : c.schedules.runNow}
    </Button>
  );
}

/** What a run-now did: the job it started, or why it could not. */
export function RunResultBanner({ result }: { result: RunResult | null }) {
  const { c } = useCatalogText();
  if (!result) return null;
  if ("errors" in result) return <ActionError title={c.schedules.runFailed(result.name)} errors={result.errors} />;
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      {c.schedules.launched(result.jobId)}
      <Link href={`/jobs/${result.jobId}`} className="font-medium underline">
        {c.schedules.viewJob}
      </Link>
    </p>
  );
}
