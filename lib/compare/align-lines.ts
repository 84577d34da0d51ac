import { diffArrays } from "diff";
import type { DiffRow } from "../contracts/job-compare";
import { normalizeLine } from "./normalize-line";

export type Line = { line: number; text: string };

/**
 * Past this many edits between two chunks, Myers' algorithm gives up (deterministically, so
 * every window sees the same answer) and the chunks are shown side by side, line for line.
 */
const MAX_EDIT_LENGTH = 4000;

/**
 * Two runs of lines aligned by a real line diff (jsdiff's Myers) of their normalised text:
 * equal lines side by side; a removed run next to the added run that replaces it as
 * `changed` rows, line for line, and what one side has more as `only_a` / `only_b`.
 */
export function alignLines(a: Line[], b: Line[]): DiffRow[] {
  const changes = diffArrays(
    a.map((l) => normalizeLine(l.text)),
    b.map((l) => normalizeLine(l.text)),
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (!changes) return pairUp(a, b);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (!change.added && !change.removed) {
      for (let n = 0; n < change.count; n++) rows.push({ kind: "equal", a: a[i++]!, b: b[j++]! });
      continue;
    }
    // a removal followed by an addition (or the reverse) is one replaced block
    const next = changes[k + 1];
    const paired = next && (next.added || next.removed) && next.added !== change.added ? next : undefined;
    if (paired) k++;
    const removed = change.removed ? change.count : (paired?.count ?? 0);
    const added = change.added ? change.count : (paired?.count ?? 0);
    rows.push(...pairUp(a.slice(i, i + removed), b.slice(j, j + added)));
    i += removed;
    j += added;
  }
  return rows;
}

/** Lines side by side in order: `changed` while both have one, then the longer side's rest alone. */
export function pairUp(a: Line[], b: Line[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let n = 0; n < Math.max(a.length, b.length); n++) {
    const [left, right] = [a[n] ?? null, b[n] ?? null];
    rows.push({ kind: left && right ? "changed" : left ? "only_a" : "only_b", a: left, b: right });
  }
  return rows;
}
