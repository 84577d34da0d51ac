"use client";

import { stdoutDownloadUrl } from "@/lib/jobs/output-api";
import { Button, buttonClass } from "../../ui/button";
import { inputClass } from "../../ui/form-field";
import { useI18n } from "../../i18n/i18n-provider";

export function DownloadLinks({ jobId }: { jobId: number }) {
  const { t } = useI18n();
  return (
    <div className="flex gap-1">
      <a href={stdoutDownloadUrl(jobId, "txt")} download title={t.output.downloadTxtHint} className={buttonClass("ghost", "h-8 px-2 text-xs")}>
        ⤓ {t.output.downloadTxt}
      </a>
      <a href={stdoutDownloadUrl(jobId, "ansi")} download title={t.output.downloadAnsiHint} className={buttonClass("ghost", "h-8 px-2 text-xs")}>
        ⤓ {t.output.downloadAnsi}
      </a>
    </div>
  );
}

/** Fold every task, or unfold everything; null when the output has no sections (it runs, or no banners). */
export type SectionFolds = { onFoldTasks: () => void; onUnfoldAll: () => void; anyFolded: boolean };

export type FailureSteps = { position: string; hasPrev: boolean; hasNext: boolean; onStep: (direction: 1 | -1) => void };

type Props = {
  search: string;
  onSearch: (v: string) => void;
  wrap: boolean;
  onWrap: (on: boolean) => void;
  /** next/previous failure line; null when the output shows none */
  failures: FailureSteps | null;
  sections: SectionFolds | null;
  host: string | null;
  onClearHost: () => void;
  canFollow: boolean;
  follow: boolean;
  onFollow: (on: boolean) => void;
  count: string | null;
};

export function OutputToolbar({ search, onSearch, wrap, onWrap, failures, sections, host, onClearHost, canFollow, follow, onFollow, count }: Props) {
  const { t } = useI18n();
  const o = t.output;
  const f = t.failures;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <input
        type="search"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        aria-label={o.search}
        placeholder={o.searchPlaceholder}
        className={`${inputClass} w-full sm:w-72`}
      />
      {host && (
        <span className="inline-flex h-8 items-center gap-1 rounded-full bg-blue-50 pl-3 pr-1 text-sm text-blue-900 ring-1 ring-inset ring-blue-200">
          {o.hostChip(host)}
          <button
            type="button"
            onClick={onClearHost}
            aria-label={o.clearHost(host)}
            className="inline-flex size-6 items-center justify-center rounded-full hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            ✕
          </button>
        </span>
      )}
      {failures && (
        <span role="group" aria-label={failures.position} className="inline-flex items-center gap-1">
          <Button className="h-8 px-2" onClick={() => failures.onStep(-1)} disabled={!failures.hasPrev}>
            <span aria-hidden>↑</span> {f.prev}
          </Button>
          <Button className="h-8 px-2" onClick={() => failures.onStep(1)} disabled={!failures.hasNext}>
            <span aria-hidden>↓</span> {f.next}
          </Button>
          <span className="text-xs tabular-nums text-slate-600" aria-live="polite" data-testid="failure-position">
            {failures.position}
          </span>
        </span>
      )}
      {sections && (
        <span className="inline-flex items-center gap-1">
          <Button className="h-8 px-2" onClick={sections.onFoldTasks}>
            {t.sections.foldTasks}
          </Button>
          <Button className="h-8 px-2" onClick={sections.onUnfoldAll} disabled={!sections.anyFolded}>
            {t.sections.unfoldAll}
          </Button>
        </span>
      )}
      <span className="ml-auto flex items-center gap-3">
        {count && (
          <span className="text-xs tabular-nums text-slate-500" data-testid="output-count">
            {count}
          </span>
        )}
        <label className="inline-flex items-center gap-2 text-sm" title={t.lineView.wrapHint}>
          <input type="checkbox" className="size-4 accent-blue-700" checked={wrap} onChange={(e) => onWrap(e.target.checked)} />
          {t.lineView.wrap}
        </label>
        {canFollow && (
          <label className="inline-flex items-center gap-2 text-sm" title={o.followHint}>
            <input type="checkbox" className="size-4 accent-blue-700" checked={follow} onChange={(e) => onFollow(e.target.checked)} />
            {o.follow}
          </label>
        )}
      </span>
    </div>
  );
}
