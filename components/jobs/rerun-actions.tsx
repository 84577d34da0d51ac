"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { HttpError } from "@/lib/api/http";
import type { JobRecord } from "@/lib/jobs/job-record";
import { rerunBody } from "@/lib/jobs/rerun";
import { Button } from "../ui/button";
import { useI18n } from "../i18n/i18n-provider";
import { ApiErrorList } from "./api-error-list";
import { RerunDialog } from "./rerun-dialog";
import { useCreateJob } from "./use-job-queries";

/** "Re-run" posts a copy of the job at once; "Edit and re-run" opens the dialog first. */
export function RerunActions({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const router = useRouter();
  const create = useCreateJob();
  const [editing, setEditing] = useState(false);

  const rerun = () => create.mutate(rerunBody(job), { onSuccess: (created) => router.push(`/jobs/${created.id}`) });

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button variant="primary" onClick={rerun} disabled={create.isPending}>
          {create.isPending ? t.rerun.submitting : t.rerun.rerun}
        </Button>
        <Button
          onClick={() => {
            create.reset();
            setEditing(true);
          }}
        >
          {t.rerun.edit}
        </Button>
      </div>
      {create.isError && (
        <div role="alert" className="max-w-md rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{t.rerun.failed}</p>
          {create.error instanceof HttpError && create.error.fieldErrors ? (
            <ApiErrorList errors={create.error.fieldErrors} />
          ) : (
            <p className="mt-1">{create.error.message}</p>
          )}
        </div>
      )}
      {editing && <RerunDialog job={job} onClose={() => setEditing(false)} />}
    </div>
  );
}
