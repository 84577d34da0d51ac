"use client";

import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { HttpError } from "@/lib/api/http";
import type { JobRecord } from "@/lib/jobs/job-record";
import { rerunBody } from "@/lib/jobs/rerun";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { ApiErrorList } from "./api-error-list";
import { CancelJobButton } from "./cancel-job-button";
import { useHostSummaries, useRelaunchJob, useRelaunchOptions } from "./output/use-output-queries";
import { useStoredFlag } from "../ui/use-stored-flag";
import { useCreateJob } from "./use-job-queries";

// loaded when opened: with their inventory parsing (yaml) and catalog contracts they
// outweigh the rest of the job page's first screen
const RerunConfirm = dynamic(() => import("./rerun-confirm").then((m) => m.RerunConfirm), { ssr: false });
const RerunDialog = dynamic(() => import("./rerun-dialog").then((m) => m.RerunDialog), { ssr: false });

/** The browser-wide "don't ask again" of the re-run confirmation. */
const SKIP_RERUN_CONFIRM_KEY = "zuoye.rerun.skip-confirm";

/**
 * Cancel while the job runs; "Re-run" posts a copy (all hosts) after a confirmation that
 * says what it runs, unless this browser chose not to be asked; "Re-run failed
 * hosts" relaunches on the hosts the recap shows failed, "Resume from failed task" on them
 * from the task they failed in (when the server says it can), "Edit and re-run" opens the dialog.
 */
export function RerunActions({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const router = useRouter();
  const create = useCreateJob();
  const relaunch = useRelaunchJob(job.id);
  const hosts = useHostSummaries(job.id, job.state);
  const resumable = useRelaunchOptions(job.id, job.state).data;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [skipConfirm, setSkipConfirm] = useStoredFlag(SKIP_RERUN_CONFIRM_KEY, false);
  // a notification's "re-run the failed hosts" link opens the job with ?rerun=failed: ask first
  const searchParams = useSearchParams();
  const [askRerunFailed, setAskRerunFailed] = useState(searchParams.get("rerun") === "failed");
  const failedHosts = hosts.data?.results.filter((h) => h.failed).map((h) => h.host) ?? [];
  const busy = create.isPending || relaunch.isPending;
  const error = relaunch.error ?? create.error;

  const open = (created: JobRecord) => router.push(`/jobs/${created.id}`);
  const rerun = () => {
    relaunch.reset();
    create.mutate(rerunBody(job), { onSuccess: open });
  };
  const rerunFailed = (startAt: "copied" | "failed_task") => {
    create.reset();
    relaunch.mutate({ hosts: "failed", start_at: startAt }, { onSuccess: open });
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <CancelJobButton job={job} />
        <Button variant="primary" onClick={skipConfirm ? rerun : () => setConfirming(true)} disabled={busy} title={t.relaunch.allHint}>
          {create.isPending ? t.rerun.submitting : t.relaunch.all}
        </Button>
        {failedHosts.length > 0 && (
          <Button onClick={() => rerunFailed("copied")} disabled={busy} title={t.relaunch.failedHint(failedHosts.join(", "))}>
            {relaunch.isPending && relaunch.variables.start_at === "copied" ? t.rerun.submitting : t.relaunch.failed}
          </Button>
        )}
        {resumable?.failed_task && (
          <Button
            onClick={() => rerunFailed("failed_task")}
            disabled={busy}
            title={t.relaunch.resumeHint(resumable.failed_task.name, resumable.failed_hosts.join(", "))}
          >
            {relaunch.isPending && relaunch.variables.start_at === "failed_task" ? t.rerun.submitting : t.relaunch.resume}
          </Button>
        )}
        <Button
          onClick={() => {
            create.reset();
            relaunch.reset();
            setEditing(true);
          }}
        >
          {t.rerun.edit}
        </Button>
      </div>
      {error && (
        <div role="alert" className="max-w-md rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{t.rerun.failed}</p>
          {error instanceof HttpError && error.fieldErrors ? <ApiErrorList errors={error.fieldErrors} /> : <p className="mt-1">{error.message}</p>}
        </div>
      )}
      {editing && <RerunDialog job={job} onClose={() => setEditing(false)} />}
      {confirming && (
        <RerunConfirm
          job={job}
          onClose={() => setConfirming(false)}
          onConfirm={(dontAsk) => {
            if (dontAsk) setSkipConfirm(true);
            setConfirming(false);
            rerun();
          }}
        />
      )}
      <ConfirmDialog
        open={askRerunFailed && failedHosts.length > 0}
        onClose={() => setAskRerunFailed(false)}
        title={t.relaunch.confirmFailedTitle}
        error={relaunch.error?.message}
        pending={relaunch.isPending}
        confirmLabel={t.relaunch.failed}
        pendingLabel={t.rerun.submitting}
        cancelLabel={t.relaunch.notNow}
        onConfirm={() => rerunFailed("copied")}
      >
        {t.relaunch.confirmFailed(failedHosts.join(", "))}
      </ConfirmDialog>
    </div>
  );
}
