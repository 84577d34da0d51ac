"use client";

import { useState } from "react";
import { HttpError } from "@/lib/api/http";
import { isLive } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";
import { usePermissions } from "../auth/use-permissions";
import { useCancelJob } from "./output/use-output-queries";

/**
 * Cancels a job that has not ended, after a confirmation; says "canceling…" until the job's
 * state changes. A job that ended meanwhile (409) is reported, not treated as a failure.
 * Not offered to a viewer.
 */
export function CancelJobButton({ job, compact }: { job: Pick<JobRecord, "id" | "state">; compact?: boolean }) {
  const { t } = useI18n();
  const c = t.cancelJob;
  const cancel = useCancelJob(job.id);
  const [confirming, setConfirming] = useState(false);
  const [requested, setRequested] = useState(false);
  const [ended, setEnded] = useState(false);
  const live = isLive(job.state);
  const { canOperate } = usePermissions();

  if (!canOperate) return null;
  if (!live)
    return ended && !requested && !compact ? (
      <p role="status" className="text-sm text-slate-600">
        {c.notActive}
      </p>
    ) : null;

  const close = () => {
    setConfirming(false);
    cancel.reset();
  };
  const confirm = () =>
    cancel.mutate(undefined, {
      onSuccess: () => {
        setRequested(true);
        setConfirming(false);
      },
      onError: (e) => {
        if (e instanceof HttpError && e.status === 409) {
          setEnded(true);
          setConfirming(false);
        }
      },
    });

  return (
    <>
      {compact ? (
        <Button variant="ghost" className="h-7 px-2 text-xs text-red-700" onClick={() => setConfirming(true)} disabled={requested} aria-label={requested ? c.canceling : c.cancelRow(job.id)}>
          {requested ? <Spinner /> : c.cancelShort}
        </Button>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)} disabled={requested}>
          {requested ? (
            <>
              <Spinner /> {c.canceling}
            </>
          ) : (
            c.cancel
          )}
        </Button>
      )}
      <Dialog open={confirming} onClose={close} title={c.confirmTitle(job.id)}>
        <p className="text-sm text-slate-700">{c.confirmBody}</p>
        {cancel.isError && !(cancel.error instanceof HttpError && cancel.error.status === 409) && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-800">
            {c.failed}: {cancel.error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            {c.keep}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={cancel.isPending}>
            {cancel.isPending ? c.canceling : c.confirm}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
