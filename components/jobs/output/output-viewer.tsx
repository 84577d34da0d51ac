"use client";

import { useCallback, useState } from "react";
import { isLive } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { ErrorState } from "../../ui/error-state";
import { useI18n } from "../../i18n/i18n-provider";
import { Panel } from "../job-field-list";
import { LineList, type Jump } from "./line-list";
import { DownloadLinks, OutputToolbar } from "./output-toolbar";
import { SearchResults } from "./search-results";
import { useDebouncedValue } from "./use-debounced-value";
import { useLineMatches } from "./use-line-matches";
import { useOutputLines } from "./use-output-lines";

const HOST_PAGE = 500;
const SEARCH_PAGE = 100;

/**
 * The job's output: every line, fetched in windows as it scrolls into view and streamed
 * while the job runs; or only one host's lines. A search lists matching lines beside it,
 * and picking one shows it in the whole output.
 */
export function OutputViewer({ job, host, onHost }: { job: JobRecord; host: string | null; onHost: (host: string | null) => void }) {
  const { t } = useI18n();
  const o = t.output;
  const live = isLive(job.state);
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 300);
  const [follow, setFollow] = useState(true);
  const [jump, setJump] = useState<Jump | null>(null);
  const [picked, setPicked] = useState<number | null>(null);

  const full = useOutputLines(job.id, job.state);
  const hostLines = useLineMatches(job.id, host ? { host } : null, live, HOST_PAGE);
  const matches = useLineMatches(job.id, term ? { search: term } : null, live, SEARCH_PAGE);

  const pick = (line: number) => {
    onHost(null);
    setFollow(false);
    setPicked(line);
    setJump({ index: line - 1, seq: Date.now() });
  };
  const { lineAt, show } = full;
  const fullRow = useCallback((i: number) => ({ line: i + 1, text: lineAt(i + 1) }), [lineAt]);
  const showRows = useCallback((first: number, last: number) => show(first + 1, last + 1), [show]);
  const { loadMore } = hostLines;
  const loadMoreHost = useCallback(() => {
    if (hostLines.hasMore) loadMore();
  }, [hostLines.hasMore, loadMore]);

  const common = { follow, canFollow: live, onFollowChange: setFollow, highlight: picked };
  let viewer;
  if (full.error) viewer = <ErrorState title={o.loadFailed} error={full.error} onRetry={full.retry} />;
  else if (!full.loaded) viewer = <div className="h-64 animate-pulse rounded bg-slate-100" />;
  else if (host) {
    if (hostLines.error && hostLines.lines.length === 0) viewer = <ErrorState title={o.loadFailed} error={hostLines.error} onRetry={hostLines.retry} />;
    else if (!hostLines.isStarted) viewer = <div className="h-64 animate-pulse rounded bg-slate-100" />;
    else if (hostLines.lines.length === 0) viewer = <Empty text={o.hostEmpty} />;
    else
      viewer = (
        <LineList
          key={`host:${host}`}
          label={`${o.region} (${o.hostChip(host)})`}
          count={hostLines.lines.length}
          rowAt={(i) => {
            const [line, text] = hostLines.lines[i]!;
            return { line, text };
          }}
          onEndReached={loadMoreHost}
          jump={null}
          footer={hostLines.isLoadingMore ? <p className="px-3 py-1 text-xs text-slate-400">{o.loadingMore}</p> : null}
          {...common}
        />
      );
  } else if (full.total === 0) viewer = live ? <Empty text={o.waiting} hint={o.waitingHint} /> : <Empty text={o.noOutput} hint={o.noOutputHint} />;
  else viewer = <LineList key="all" label={o.region} count={full.total} version={full.version} rowAt={fullRow} onRange={showRows} jump={jump} {...common} />;

  return (
    <div id="job-output" className="scroll-mt-4">
      <Panel title={t.detail.output} actions={full.total > 0 ? <DownloadLinks jobId={job.id} /> : null}>
        <OutputToolbar
          search={search}
          onSearch={setSearch}
          host={host}
          onClearHost={() => onHost(null)}
          canFollow={live}
          follow={follow}
          onFollow={setFollow}
          count={
            host
              ? hostLines.isStarted
                ? o.lines(hostLines.lines.length, hostLines.hasMore)
                : null
              : full.loaded && full.total > 0
                ? o.lines(full.total)
                : null
          }
        />
        <div className={term ? "grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
          <div className="min-w-0">{viewer}</div>
          {term && <SearchResults term={term} matches={matches} onPick={pick} picked={picked} />}
        </div>
      </Panel>
    </div>
  );
}

function Empty({ text, hint }: { text: string; hint?: string }) {
  return (
    <div className="rounded border border-dashed border-slate-300 px-4 py-8 text-center">
      <p className="text-sm font-medium text-slate-700">{text}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
