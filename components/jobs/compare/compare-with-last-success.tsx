"use client";

import Link from "next/link";
import { comparePagePath } from "@/lib/jobs/compare-api";
import type { JobRecord } from "@/lib/jobs/job-record";
import { useI18n } from "../../i18n/i18n-provider";
import { Button, buttonClass } from "../../ui/button";
import { useCompareCandidates } from "./use-compare-queries";

/**
 * The job page's "compare with the last successful run": the template's newest success
 * before this job as A, this job as B. Without one the button stays, disabled, saying why.
 */
export function CompareWithLastSuccess({ job }: { job: JobRecord }) {
  const { t } = useI18n();
  const candidates = useCompareCandidates(job.id, job.state);
  const previous = candidates.data?.last_successful;
  if (previous)
    return (
      <Link href={comparePagePath(previous.id, job.id)} className={buttonClass("secondary")} title={t.compare.withLastSuccessHint(previous.id)}>
        {t.compare.withLastSuccess}
      </Link>
    );
  if (!candidates.data) return null;
  const reason = job.template === null ? t.compare.noTemplate : t.compare.noEarlierSuccess;
  return (
    <Button disabled title={reason} aria-description={reason}>
      {t.compare.withLastSuccess}
    </Button>
  );
}
