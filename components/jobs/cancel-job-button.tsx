"use client";

import { useState } from "react";
import { HttpError } from "@/lib/api/http";
import { isLive } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Spinner } from "../ui/spinner";
import { useI18n } from "../i18n/i18n-provider";
import { usePermissions } from "../auth/use-permissions";
import { useCancelJob } from "./output/use-output-queries";

/**
 * Cancels a job that has not ended, after a confirmation; says "canceling…" until the job's
 * state changes — also to another viewer, or after a reload, since the record says who asked. A job that ended meanwhile (409) is reported, not treated as a failure.
 * Not offered to a viewer.
 */
export function CancelJobButton({ job, compact }: { job: Pick<JobRecord, "id" | "state" | "canceled_by">; compact?: boolean }) {
  const { t } = useI18n();
  const c = t.cancelJob;
  const cancel = useCancelJob(job.id);
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const requested = asked || job.canceled_by != null;
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
        setAsked(true);
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
        <Button
          variant="ghost"
          className="h-7 px-2 text-xs text-red-700"
          onClick={() => setConfirming(true)}
          disabled={requested}
          aria-label={requested ? c.canceling : c.cancelRow(job.id)}
        >
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
      <ConfirmDialog
        open={confirming}
        onClose={close}
        title={c.confirmTitle(job.id)}
        error={
          cancel.isError && !(cancel.error instanceof HttpError && cancel.error.status === 409) ? (
            <>
              {c.failed}: {cancel.error.message}
            </>
          ) : null
        }
        pending={cancel.isPending}
        confirmLabel={c.confirm}
        pendingLabel={c.canceling}
        cancelLabel={c.keep}
        onConfirm={confirm}
      >
        {c.confirmBody}
      </ConfirmDialog>
    </>
  );
}
