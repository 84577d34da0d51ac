import { stripAnsi } from "../ansi/strip-ansi";
import { sectionBanner, type SectionBanner } from "./output-sections";

/**
 * Where Ansible's default output shows a failure: `fatal: [web1]: FAILED! => …`,
 * `fatal: [web1]: UNREACHABLE! => …`, a loop item's `failed: [web1] (item=x) => …`,
 * and a delegated task's `fatal: [web1 -> localhost]: …`.
 */
const FAILURE = /^(?:fatal|failed): \[([^\]]+?)(?: -> [^\]]*)?\]/;

/** The two texts the output search is asked for to find every failure line. */
export const FAILURE_SEARCHES = ["fatal: [", "failed: ["] as const;
/** What every task banner contains, for the output search. */
export const BANNER_SEARCH = "] *";

/** The host a failure line names, or null when the line is not one. */
export function failureHost(text: string): string | null {
  return FAILURE.exec(stripAnsi(text))?.[1] ?? null;
}

/** The task a banner line names (`TASK [role : name] ****`, a handler's too), or null when the line is not one. */
export function bannerTask(text: string): string | null {
  const b = sectionBanner(0, text);
  return b && (b.kind === "task" || b.kind === "handler") ? b.name : null;
}

export type FailureLine = { line: number; host: string };

/** Failure lines among search hits (several searches may return the same line), in order. */
export function failureLines(hits: readonly (readonly [number, string])[]): FailureLine[] {
  const byLine = new Map<number, string>();
  for (const [line, text] of hits) {
    const host = failureHost(text);
    if (host !== null) byLine.set(line, host);
  }
  return [...byLine].sort(([a], [b]) => a - b).map(([line, host]) => ({ line, host }));
}

export type Banner = { line: number; task: string };

/** The task and handler banners among an output's banners (`sectionBanners`), in order. */
export function taskBanners(sections: readonly SectionBanner[]): Banner[] {
  return sections.filter((b) => b.kind === "task" || b.kind === "handler").map((b) => ({ line: b.line, task: b.name }));
}

/**
 * The line of a host's first failure: its first failure line under a banner of the task
 * the host's result names (a failure the play ignored or rescued comes under another
 * task), else its first failure line; null when the output shows none.
 */
export function hostFailureLine(host: string, task: string, failures: readonly FailureLine[], taskBanners: readonly Banner[]): number | null {
  const own = failures.filter((f) => f.host === host);
  if (own.length === 0) return null;
  if (task) {
    const under = own.find((f) => bannerBefore(taskBanners, f.line)?.task === task);
    if (under) return under.line;
  }
  return own[0]!.line;
}

function bannerBefore(list: readonly Banner[], line: number): Banner | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Banner | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.line < line) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The failure line to go to from `from` (the line last shown; null: none yet): the next
 * one after it, or the previous one before it; null at either end.
 */
export function adjacentFailure(lines: readonly number[], from: number | null, direction: 1 | -1): number | null {
  if (direction === 1) return lines.find((n) => from === null || n > from) ?? null;
  if (from === null) return lines.at(-1) ?? null;
  return lines.findLast((n) => n < from) ?? null;
}
