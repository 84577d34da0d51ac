"use client";

import { parseAsString, useQueryState } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { adjacentFailure } from "@/lib/jobs/failure-lines";
import { isLive } from "@/lib/jobs/format";
import type { JobRecord } from "@/lib/jobs/job-record";
import { FoldMap, foldsHiding, hiddenRanges, outputSections, type SectionBanner } from "@/lib/jobs/output-sections";
import { ErrorState } from "../../ui/error-state";
import { useI18n } from "../../i18n/i18n-provider";
import { Panel } from "../job-field-list";
import { useStoredFlag } from "../../ui/use-stored-flag";
import { LineList, type Jump } from "./line-list";
import { DownloadLinks, OutputToolbar } from "./output-toolbar";
import { SearchResults } from "./search-results";
import { useDebouncedValue } from "./use-debounced-value";
import { useLineMatches } from "./use-line-matches";
import { useOutputLines } from "./use-output-lines";
import { useOutline } from "./use-output-queries";

const HOST_PAGE = 500;
const SEARCH_PAGE = 100;
const WRAP_KEY = "zuoye.output.wrap";

/** A line to show: scrolled to and marked, or (`scroll: false`, its number was clicked) only marked. */
export type LineTarget = { line: number; scroll: boolean; seq: number };

type Props = {
  job: JobRecord;
  host: string | null;
  onHost: (host: string | null) => void;
  target: LineTarget | null;
  /** show this line in the whole output (a search hit, a failure), or mark it (its number) */
  onLine: (line: number, scroll: boolean) => void;
  /** the lines that show a failure, in order (empty: none found, or not looked for yet) */
  failureLines: readonly number[];
  /** the play, task and recap banners (empty: none found, or not looked for yet) */
  banners: readonly SectionBanner[];
};

const NONE_FOLDED: ReadonlySet<number> = new Set();

/**
 * The job's output: every line, fetched in windows as it scrolls into view and streamed
 * while the job runs; or only one host's lines. A search (`?q=`) lists matching lines
 * beside it, and picking one shows it in the whole output; so does `#L29` in the address.
 * Once the job has ended, each play and task folds at its banner, which says how long it
 * took; a line shown from elsewhere unfolds what hides it.
 */
export function OutputViewer({ job, host, onHost, target, onLine, failureLines, banners }: Props) {
  const { t } = useI18n();
  const o = t.output;
  const live = isLive(job.state);
  const [search, setSearch] = useQueryState("q", parseAsString.withDefault("").withOptions({ history: "replace", scroll: false, throttleMs: 300 }));
  const term = useDebouncedValue(search.trim(), 300);
  const [wrap, setWrap] = useStoredFlag(WRAP_KEY, true);
  const [follow, setFollow] = useState(true);
  const [jump, setJump] = useState<Jump | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const full = useOutputLines(job.id, job.state);
  const outline = useOutline(job.id, job.state);
  const sections = useMemo(() => (live ? [] : outputSections(banners, full.total, outline.data)), [live, banners, full.total, outline.data]);
  const sectionAt = useMemo(() => new Map(sections.map((s) => [s.line, s])), [sections]);
  const [folded, setFolded] = useState(NONE_FOLDED);
  const foldMap = useMemo(() => new FoldMap(full.total, hiddenRanges(sections, folded)), [full.total, sections, folded]);
  const toggleSection = useCallback(
    (line: number) =>
      setFolded((f) => {
        const next = new Set(f);
        if (!next.delete(line)) next.add(line);
        return next;
      }),
    [],
  );

  // each new target is taken once (the pattern of state derived from a prop)
  const [seenSeq, setSeenSeq] = useState(0);
  if (target && target.seq !== seenSeq) {
    setSeenSeq(target.seq);
    setPicked(target.line);
    if (target.scroll) {
      setFollow(false);
      // the sections folded over the line open, and the list jumps to its row
      const opening = foldsHiding(sections, folded, target.line);
      let rows = foldMap;
      if (opening.length > 0) {
        const next = new Set(folded);
        for (const line of opening) next.delete(line);
        setFolded(next);
        rows = new FoldMap(full.total, hiddenRanges(sections, next));
      }
      setJump({ index: rows.indexOf(target.line) ?? target.line - 1, seq: target.seq });
    }
  }

  const hostLines = useLineMatches(job.id, host ? { host } : null, live, HOST_PAGE);
  const matches = useLineMatches(job.id, term ? { search: term } : null, live, SEARCH_PAGE);

  const pick = (line: number) => onLine(line, true);
  const markLine = useCallback((line: number) => onLine(line, false), [onLine]);
  const failureAt = picked === null ? -1 : failureLines.indexOf(picked);
  const stepFailure = (direction: 1 | -1) => {
    const line = adjacentFailure(failureLines, picked, direction);
    if (line !== null) pick(line);
  };
  const { lineAt, show } = full;
  const fullRow = useCallback(
    (i: number) => {
      const line = foldMap.lineAt(i);
      return { line, text: lineAt(line) };
    },
    [foldMap, lineAt],
  );
  const showRows = useCallback((first: number, last: number) => show(foldMap.linesOf(first, last)), [foldMap, show]);
  const { loadMore } = hostLines;
  const loadMoreHost = useCallback(() => {
    if (hostLines.hasMore) loadMore();
  }, [hostLines.hasMore, loadMore]);

  const common = { follow, canFollow: live, onFollowChange: setFollow, highlight: picked, wrap, onLineClick: markLine };
  let viewer;
  if (full.error) viewer = <ErrorState title={o.loadFailed} error={full.error} onRetry={full.retry} />;
  else if (!full.loaded) viewer = <div className="h-64 animate-pulse rounded bg-slate-100" />;
  else if (host) {
    if (hostLines.error && hostLines.lines.length === 0) viewer = <ErrorState title={o.loadFailed} error={hostLines.error} onRetry={hostLines.retry} />;
    else if (!hostLines.isStarted) viewer = <div className="h-64 animate-pulse rounded bg-slate-100" />;
    else if (hostLines.lines.length === 0) viewer = <Empty text={job.output_purged ? o.purged : o.hostEmpty} />;
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
  } else if (full.total === 0 && job.output_purged) viewer = <Empty text={o.purged} hint={o.purgedHint} />;
  else if (full.total === 0) viewer = live ? <Empty text={o.waiting} hint={o.waitingHint} /> : <Empty text={o.noOutput} hint={o.noOutputHint} />;
  else
    viewer = (
      <LineList
        key="all"
        label={o.region}
        count={foldMap.count}
        version={full.version}
        rowAt={fullRow}
        onRange={showRows}
        jump={jump}
        sections={sectionAt}
        folded={folded}
        onToggleSection={toggleSection}
        {...common}
      />
    );

  return (
    <div id="job-output" className="scroll-mt-4">
      <Panel title={t.detail.output} actions={full.total > 0 ? <DownloadLinks jobId={job.id} /> : null}>
        <OutputToolbar
          search={search}
          onSearch={(v) => void setSearch(v || null)}
          wrap={wrap}
          onWrap={setWrap}
          failures={
            failureLines.length > 0
              ? {
                  position: t.failures.position(failureAt + 1, failureLines.length),
                  hasPrev: adjacentFailure(failureLines, picked, -1) !== null,
                  hasNext: adjacentFailure(failureLines, picked, 1) !== null,
                  onStep: stepFailure,
                }
              : null
          }
          sections={
            !host && sections.length > 0
              ? {
                  onFoldTasks: () => setFolded(new Set(sections.filter((x) => x.kind !== "play").map((x) => x.line))),
                  onUnfoldAll: () => setFolded(NONE_FOLDED),
                  anyFolded: folded.size > 0,
                }
              : null
          }
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
