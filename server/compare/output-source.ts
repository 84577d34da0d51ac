import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobOutputLines } from "@/db/schema";
import type { Banner, LineSource } from "@/lib/compare/diff-window";
import { BANNER_LIKE, bannerKey } from "@/lib/compare/normalize-line";
import { readLinesAfter } from "../output/read-lines";

/** Lines a source fetches at once: a window's small segments come from one query. */
const PAGE_LINES = 2000;

/**
 * A job's stored output as a diff window reads it: one page of lines kept at a time, so a
 * window holds at most a page (or a resync's look-ahead) of each output, never all of it.
 */
export function outputSource(db: Db, jobId: number, total: number): LineSource {
  let page: { from: number; to: number; lines: { line: number; text: string }[] } | undefined;
  return {
    total,
    async read(from, to) {
      to = Math.min(to, total + 1);
      if (to <= from) return [];
      if (!page || from < page.from || to > page.to) {
        const upTo = Math.min(Math.max(to, from + PAGE_LINES), total + 1);
        const rows = await readLinesAfter(db, jobId, from - 1, upTo - from, upTo - 1);
        page = { from, to: upTo, lines: rows.map((r) => ({ line: r.lineNo, text: r.text })) };
      }
      const first = page.lines.findIndex((l) => l.line >= from);
      if (first < 0) return [];
      const out = [];
      for (let k = first; k < page.lines.length && page.lines[k]!.line < to; k++) out.push(page.lines[k]!);
      return out;
    },
  };
}

/**
 * A job's banners (plays, tasks, handlers, the recap) in order. The database passes only
 * lines with a run of asterisks (one scan of the job's primary-key range), this keeps the banners.
 */
export async function readBanners(db: Db, jobId: number): Promise<Banner[]> {
  const rows = await db
    .select({ lineNo: jobOutputLines.lineNo, text: jobOutputLines.text })
    .from(jobOutputLines)
    .where(and(eq(jobOutputLines.jobId, jobId), like(jobOutputLines.text, BANNER_LIKE)))
    .orderBy(jobOutputLines.lineNo);
  const banners: Banner[] = [];
  for (const row of rows) {
    const key = bannerKey(row.text);
    if (key !== null) banners.push({ line: row.lineNo, key });
  }
  return banners;
}
