"use client";

import { stripAnsi } from "@/lib/ansi/strip-ansi";
import { ErrorState } from "../../ui/error-state";
import { Spinner } from "../../ui/spinner";
import { useI18n } from "../../i18n/i18n-provider";
import type { useLineMatches } from "./use-line-matches";

const SNIPPET = 160;

/** The term in its line, cut around the first match so it shows in a narrow column. */
function Snippet({ text, term }: { text: string; term: string }) {
  const plain = stripAnsi(text);
  const at = plain.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return <>{plain.slice(0, SNIPPET)}</>;
  const from = Math.max(0, at - 40);
  const head = (from > 0 ? "…" : "") + plain.slice(from, at);
  const tail = plain.slice(at + term.length, at + term.length + SNIPPET);
  return (
    <>
      {head}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{plain.slice(at, at + term.length)}</mark>
      {tail}
    </>
  );
}

export function SearchResults({
  term,
  matches,
  onPick,
  picked,
}: {
  term: string;
  matches: ReturnType<typeof useLineMatches>;
  onPick: (line: number) => void;
  picked: number | null;
}) {
  const { t } = useI18n();
  const o = t.output;
  let body;
  if (matches.error && matches.lines.length === 0) body = <ErrorState title={o.loadFailed} error={matches.error} onRetry={matches.retry} />;
  else if (!matches.isStarted)
    body = (
      <p className="flex items-center gap-2 p-3 text-sm text-slate-500">
        <Spinner /> {t.loading}
      </p>
    );
  else if (matches.lines.length === 0) body = <p className="p-3 text-sm text-slate-500">{o.noMatches}</p>;
  else
    body = (
      <ol className="divide-y divide-slate-100">
        {matches.lines.map(([line, text]) => (
          <li key={line}>
            <button
              type="button"
              onClick={() => onPick(line)}
              aria-current={picked === line ? "true" : undefined}
              className={`flex w-full gap-2 px-3 py-1.5 text-left font-mono text-xs hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-600 ${picked === line ? "bg-amber-50" : ""}`}
            >
              <span className="sr-only">{o.jumpTo(line)}: </span>
              <span className="shrink-0 tabular-nums text-slate-500">{line}</span>
              <span className="min-w-0 break-all text-slate-800">
                <Snippet text={text} term={term} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    );
  return (
    <section aria-label={o.results} className="flex max-h-[min(60vh,34rem)] min-h-64 flex-col rounded border border-slate-200">
      <h3 className="border-b border-slate-100 px-3 py-2 text-xs font-medium text-slate-600" aria-live="polite">
        {matches.isStarted ? o.matches(matches.lines.length, matches.hasMore) : o.results}
      </h3>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {body}
        {matches.hasMore && matches.isStarted && (
          <button
            type="button"
            onClick={matches.loadMore}
            disabled={matches.isLoadingMore}
            className="w-full border-t border-slate-100 px-3 py-2 text-sm text-blue-800 hover:bg-blue-50 disabled:text-slate-400"
          >
            {matches.isLoadingMore ? o.loadingMore : o.loadMore}
          </button>
        )}
      </div>
    </section>
  );
}
