"use client";

import { CopyButton } from "../ui/copy-button";
import { useI18n } from "../i18n/i18n-provider";

/** The commit a git project's run checked out: its short hash, the full one on hover and to copy. */
export function JobRevision({ revision }: { revision: string }) {
  const { t } = useI18n();
  const d = t.detail;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code className="font-mono text-[13px]" title={d.revisionFull(revision)} data-testid="job-revision">
        {revision.slice(0, 7)}
      </code>
      <CopyButton
        text={revision}
        compact
        label={`${d.copyRevision} ${revision}`}
        labels={{ copy: d.copyRevision, copied: d.copiedRevision, failed: d.copyRevisionFailed }}
      />
    </span>
  );
}
