import { diffArrays } from "diff";
import type { DiffRow } from "../contracts/job-compare";
import { alignLines, pairUp, type Line } from "./align-lines";
import { normalizeLine } from "./normalize-line";

/** One output as the window reads it: `read(from, to)` = its lines numbered from … to-1, in order. */
export type LineSource = { total: number; read(from: number, to: number): Promise<Line[]> };

/** A banner (play, task, handler, recap) of an output: its line and normalised text. */
export type Banner = { line: number; key: string };

/** A pair of lines, one in each output, where the alignment is fixed: the same banner. */
export type Anchor = { a: number; b: number };

/** Lines of each side one diff looks at, at most: a task longer than this is diffed piece by piece. */
export const CHUNK_LINES = 1000;

/** How far past a chunk with nothing equal the window looks for where the outputs meet again. */
export const RESYNC_LINES = 8 * CHUNK_LINES;

/** Lines in a row that must be equal for the outputs to count as met again (one blank line is no evidence). */
const RESYNC_RUN = 3;

/** Beyond this many banners added or removed, the outputs are not aligned by banners at all. */
const MAX_BANNER_EDITS = 2000;

/**
 * The banners both outputs print, in order: the longest common sequence of their texts
 * (a task that runs twice is two banners; one only a run has stays a line of its diff).
 */
export function matchAnchors(a: Banner[], b: Banner[]): Anchor[] {
  const changes = diffArrays(
    a.map((x) => x.key),
    b.map((x) => x.key),
    { maxEditLength: MAX_BANNER_EDITS },
  );
  if (!changes) return [];
  const anchors: Anchor[] = [];
  let [i, j] = [0, 0];
  for (const change of changes) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else for (let n = 0; n < change.count; n++) anchors.push({ a: a[i++]!.line, b: b[j++]!.line });
  }
  return anchors;
}

/** The first anchor past the cursor on both sides (not the one it stands on): where its segment ends. */
function segmentEnd(anchors: Anchor[], a: number, b: number): Anchor | undefined {
  let [lo, hi] = [0, anchors.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.a < a) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < anchors.length; k++) {
    const anchor = anchors[k]!;
    if (anchor.b >= b && (anchor.a > a || anchor.b > b)) return anchor;
  }
  return undefined;
}

/**
 * The rows of a chunk's diff that later lines cannot change: up to its last equal row —
 * after it, a line cut off at the chunk's end might still match — or all of them when what
 * follows that row comes from one side only and the other side has no more lines before
 * the next anchor, or when nothing is equal (then the chunk is shown side by side).
 */
function settledRows(rows: DiffRow[], aAtEnd: boolean, bAtEnd: boolean): DiffRow[] {
  const lastEqual = rows.findLastIndex((r) => r.kind === "equal");
  if (lastEqual < 0) return rows;
  const trailing = rows.slice(lastEqual + 1);
  if ((aAtEnd && trailing.every((r) => !r.a)) || (bAtEnd && trailing.every((r) => !r.b))) return rows;
  return rows.slice(0, lastEqual + 1);
}

/**
 * Where two runs of lines meet again: the first place (fewest lines skipped on both sides
 * together) where `RESYNC_RUN` lines in a row are equal, or the end of the shorter run
 * when it is that short; null when they do not meet.
 */
export function resyncPoint(a: string[], b: string[]): { i: number; j: number } | null {
  const run = Math.min(RESYNC_RUN, a.length, b.length);
  if (run === 0) return null;
  const key = (lines: string[], at: number) => lines.slice(at, at + run).join("\n");
  const firstInB = new Map<string, number>();
  for (let j = 0; j + run <= b.length; j++) if (!firstInB.has(key(b, j))) firstInB.set(key(b, j), j);
  let best: { i: number; j: number } | null = null;
  for (let i = 0; i + run <= a.length && (!best || i < best.i + best.j); i++) {
    const j = firstInB.get(key(a, i));
    if (j !== undefined && (!best || i + j < best.i + best.j)) best = { i, j };
  }
  return best;
}

export type DiffWindow = { rows: DiffRow[]; aNext: number; bNext: number; done: boolean };

/**
 * `size` rows of the aligned diff of two outputs from line `aFrom` of one and `bFrom` of
 * the other. The outputs are cut at the anchors (banners both print) into segments, each
 * diffed on its own, a long one in chunks of `chunk` lines resynchronised after the last
 * equal line; so a window reads about `size` + `chunk` lines of each side, whatever the
 * outputs' length. Windows chained through `aNext`/`bNext` cover every line of both
 * outputs once, in order.
 */
export async function diffWindow(opts: {
  a: LineSource;
  b: LineSource;
  anchors: Anchor[];
  aFrom: number;
  bFrom: number;
  size: number;
  chunk?: number;
}): Promise<DiffWindow> {
  const { a: sourceA, b: sourceB, anchors, size } = opts;
  const chunk = opts.chunk ?? CHUNK_LINES;
  const [endA, endB] = [sourceA.total + 1, sourceB.total + 1];
  let [a, b] = [Math.min(opts.aFrom, endA), Math.min(opts.bFrom, endB)];
  const rows: DiffRow[] = [];
  while (rows.length < size && (a < endA || b < endB)) {
    const end = segmentEnd(anchors, a, b) ?? { a: endA, b: endB };
    const [toA, toB] = [Math.min(end.a, a + chunk, endA), Math.min(end.b, b + chunk, endB)];
    const [linesA, linesB] = [await sourceA.read(a, toA), await sourceB.read(b, toB)];
    const [atEndA, atEndB] = [toA === Math.min(end.a, endA), toB === Math.min(end.b, endB)];
    const aligned = alignLines(linesA, linesB);
    let settled = settledRows(aligned, atEndA, atEndB);
    if (!settled.some((r) => r.kind === "equal") && !(atEndA && atEndB)) {
      // nothing in common within a chunk: look further for where the outputs meet again
      const [aheadA, aheadB] = [await sourceA.read(a, Math.min(end.a, a + RESYNC_LINES, endA)), await sourceB.read(b, Math.min(end.b, b + RESYNC_LINES, endB))];
      const meet = resyncPoint(
        aheadA.map((l) => normalizeLine(l.text)),
        aheadB.map((l) => normalizeLine(l.text)),
      );
      if (meet && (meet.i > 0 || meet.j > 0)) settled = pairUp(aheadA.slice(0, meet.i), aheadB.slice(0, meet.j));
    }
    const taken = settled.slice(0, size - rows.length);
    rows.push(...taken);
    if (settled === aligned && taken.length === aligned.length) {
      [a, b] = [toA, toB];
      continue;
    }
    const lastA = taken.findLast((r) => r.a)?.a;
    const lastB = taken.findLast((r) => r.b)?.b;
    if (lastA) a = lastA.line + 1;
    if (lastB) b = lastB.line + 1;
  }
  return { rows, aNext: a, bNext: b, done: a >= endA && b >= endB };
}
