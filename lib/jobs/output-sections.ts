import { stripAnsi } from "../ansi/strip-ansi";
import type { JobOutline, OutlineCounts } from "./outline";

export type BannerKind = "play" | "task" | "handler" | "recap";
/** A banner line of Ansible's default output: `PLAY [web] ***`, `TASK [x] ***`, `RUNNING HANDLER [x] ***`, `PLAY RECAP ***`. */
export type SectionBanner = { line: number; kind: BannerKind; name: string };

const BANNER = /^(PLAY|TASK|RUNNING HANDLER) \[(.*)\] \*+\s*$/;
const RECAP = /^PLAY RECAP \*+\s*$/;
const KINDS = { PLAY: "play", TASK: "task", "RUNNING HANDLER": "handler" } as const;

/** The banner a line is, or null. */
export function sectionBanner(line: number, text: string): SectionBanner | null {
  const plain = stripAnsi(text);
  if (RECAP.test(plain)) return { line, kind: "recap", name: "" };
  const m = BANNER.exec(plain);
  return m ? { line, kind: KINDS[m[1] as keyof typeof KINDS], name: m[2]!.trim() } : null;
}

/** Banners among search hits (several searches may return the same line), in order. */
export function sectionBanners(hits: readonly (readonly [number, string])[]): SectionBanner[] {
  const byLine = new Map<number, SectionBanner>();
  for (const [line, text] of hits) {
    const b = sectionBanner(line, text);
    if (b) byLine.set(line, b);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/**
 * The banners when the search for them stopped before the end of the output (a cap on
 * pages): the last one found becomes an end mark, so that no section runs on past what is
 * known (a task to the end of the output over banners never read).
 */
export function bannersFoundSoFar(banners: readonly SectionBanner[]): SectionBanner[] {
  const last = banners.at(-1);
  return last ? [...banners.slice(0, -1), { line: last.line, kind: "recap", name: "" }] : [];
}

/**
 * A play or task of the output that can be folded: its banner `line` through `last`. A
 * play runs to the next play or the recap, a task to the next banner; the last of each to
 * the end of the output. `seconds` and `hosts` come from the job's outline (its events),
 * matched in order and by name; null where they do not match (an output that was cut).
 */
export type OutputSection = {
  line: number;
  last: number;
  kind: "play" | "task" | "handler";
  name: string;
  seconds: number | null;
  hosts: OutlineCounts | null;
};

export function outputSections(banners: readonly SectionBanner[], total: number, outline: JobOutline | undefined): OutputSection[] {
  const out: OutputSection[] = [];
  let play = -1;
  let task = 0;
  let matching = false;
  for (let i = 0; i < banners.length; i++) {
    const b = banners[i]!;
    if (b.kind === "recap") continue;
    let end = total;
    for (let j = i + 1; j < banners.length; j++) {
      const next = banners[j]!;
      if (b.kind !== "play" || next.kind === "play" || next.kind === "recap") {
        end = next.line - 1;
        break;
      }
    }
    let timed: { started: number; finished: number | null; hosts?: OutlineCounts } | undefined;
    if (b.kind === "play") {
      play++;
      task = 0;
      const p = outline?.plays[play];
      matching = p !== undefined && p.name === b.name;
      if (matching) timed = p;
    } else if (matching) {
      const t = outline?.plays[play]?.tasks[task++];
      if (t && t.name === b.name && t.handler === (b.kind === "handler")) timed = t;
      else matching = false;
    }
    out.push({
      line: b.line,
      last: Math.max(b.line, end),
      kind: b.kind,
      name: b.name,
      seconds: timed && timed.finished !== null ? timed.finished - timed.started : null,
      hosts: timed?.hosts ?? null,
    });
  }
  return out;
}

/** The sections folded (by banner line) as hidden line ranges, merged and in order; a folded section keeps its banner. */
export function hiddenRanges(sections: readonly OutputSection[], folded: ReadonlySet<number>): [number, number][] {
  const ranges = sections
    .filter((s) => folded.has(s.line) && s.last > s.line)
    .map((s): [number, number] => [s.line + 1, s.last])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The folded sections that hide `line`: unfolding them shows it. */
export function foldsHiding(sections: readonly OutputSection[], folded: ReadonlySet<number>, line: number): number[] {
  return sections.filter((s) => folded.has(s.line) && line > s.line && line <= s.last).map((s) => s.line);
}

/**
 * Lines 1…total with some ranges hidden, as the rows of a list: row `i` shows `lineAt(i)`;
 * `indexOf(line)` is its row, or null when the line is hidden.
 */
export class FoldMap {
  /** visible runs of lines: first line and first row of each */
  private readonly lines: number[] = [];
  private readonly rows: number[] = [];
  readonly count: number;

  constructor(total: number, hidden: readonly [number, number][]) {
    let line = 1;
    let row = 0;
    for (const [from, to] of hidden) {
      if (from > total) break;
      if (from > line) {
        this.lines.push(line);
        this.rows.push(row);
        row += from - line;
      }
      line = Math.max(line, to + 1);
    }
    if (line <= total) {
      this.lines.push(line);
      this.rows.push(row);
      row += total - line + 1;
    }
    this.count = row;
  }

  lineAt(index: number): number {
    const run = lastAtOrBelow(this.rows, index);
    return run < 0 ? index + 1 : this.lines[run]! + (index - this.rows[run]!);
  }

  indexOf(line: number): number | null {
    const run = lastAtOrBelow(this.lines, line);
    if (run < 0) return null;
    const index = this.rows[run]! + (line - this.lines[run]!);
    const runEnd = run + 1 < this.rows.length ? this.rows[run + 1]! : this.count;
    return index < runEnd ? index : null;
  }

  /** The visible lines of rows first…last, as ranges of lines. */
  linesOf(first: number, last: number): [number, number][] {
    const out: [number, number][] = [];
    for (let i = first; i <= last; ) {
      const run = lastAtOrBelow(this.rows, i);
      const runEnd = (run + 1 < this.rows.length ? this.rows[run + 1]! : this.count) - 1;
      const upTo = Math.min(last, runEnd);
      out.push([this.lineAt(i), this.lineAt(upTo)]);
      i = upTo + 1;
    }
    return out;
  }
}

function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
