import type { Db } from "@/db/client";
import { assertValid } from "@/core/errors";
import { diffWindow, matchAnchors } from "@/lib/compare/diff-window";
import type { OutputDiffWindow } from "@/lib/contracts/job-compare";
import { integer } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import { readQueryField } from "../drf/query-field";
import { getJob } from "../jobs/get-job";
import { lastLineNo, MAX_LINE_NO } from "../output/read-lines";
import { outputSource, readBanners } from "./output-source";

export const DEFAULT_DIFF_ROWS = 500;
export const MAX_DIFF_ROWS = 2000;

export type OutputDiffQuery = { aFrom: number; bFrom: number; lines: number };

/** `a_from`, `b_from` (1-based lines, default 1) and `lines` (rows, 1…2000, default 500); a bad value is a 400 naming it. */
export function readOutputDiffQuery(url: URL): OutputDiffQuery {
  const errors: FieldErrors = {};
  const aFrom = readQueryField(url, "a_from", integer({ min: 1, max: MAX_LINE_NO }), errors) ?? 1;
  const bFrom = readQueryField(url, "b_from", integer({ min: 1, max: MAX_LINE_NO }), errors) ?? 1;
  const lines = readQueryField(url, "lines", integer({ min: 1, max: MAX_DIFF_ROWS }), errors) ?? DEFAULT_DIFF_ROWS;
  assertValid(errors);
  return { aFrom, bFrom, lines };
}

/**
 * A window of the aligned diff of two jobs' outputs, from line `a_from` of one and
 * `b_from` of the other; `next` asks for the window after it. Either job unknown: NotFound.
 */
export async function diffOutput(db: Db, url: URL, idA: number, idB: number, query: OutputDiffQuery): Promise<OutputDiffWindow> {
  await getJob(db, idA);
  await getJob(db, idB);
  const [totalA, totalB] = [await lastLineNo(db, idA), await lastLineNo(db, idB)];
  const anchors = matchAnchors(await readBanners(db, idA), await readBanners(db, idB));
  const window = await diffWindow({
    a: outputSource(db, idA, totalA),
    b: outputSource(db, idB, totalB),
    anchors,
    aFrom: query.aFrom,
    bFrom: query.bFrom,
    size: query.lines,
  });
  let next: string | null = null;
  if (!window.done) {
    const link = new URL(url);
    link.searchParams.set("a_from", String(window.aNext));
    link.searchParams.set("b_from", String(window.bNext));
    next = link.toString();
  }
  return {
    a_total: totalA,
    b_total: totalB,
    a_from: query.aFrom,
    b_from: query.bFrom,
    rows: window.rows,
    a_next: window.done ? null : window.aNext,
    b_next: window.done ? null : window.bNext,
    next,
  };
}
