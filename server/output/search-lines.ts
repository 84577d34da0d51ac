import { and, eq, gte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobOutputLines } from "@/db/schema";
import { ANSI_SEQUENCE_PG } from "@/lib/ansi/strip-ansi";
import { integer } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import { readQueryField } from "../drf/query-field";
import { lastParam } from "../drf/query-string";
import { assertValid } from "@/core/errors";
import { getJob } from "../jobs/get-job";
import { lastLineNo, MAX_LINE_NO } from "./read-lines";

export const DEFAULT_LINES = 500;
export const MAX_LINES = 5000;

export type LinesQuery = { start: number; limit: number; search?: string; host?: string };

export type LinesPage = { total: number; state: string; lines: [number, string][]; next: number | null };

/** `start` (1-based) must be an integer; a bad `limit` means the default, as the list's does. */
export function readLinesQuery(url: URL): LinesQuery {
  const errors: FieldErrors = {};
  const start = readQueryField(url, "start", integer({ min: 1 }), errors) ?? 1;
  assertValid(errors);
  const text = (key: string) => lastParam(url, key)?.trim() || undefined;
  const limit = /^\d{1,9}$/.test(text("limit") ?? "") ? Number(text("limit")) : 0;
  return {
    start: Math.min(start, MAX_LINE_NO),
    limit: limit > 0 ? Math.min(limit, MAX_LINES) : DEFAULT_LINES,
    search: text("search"),
    host: text("host"),
  };
}

const text = jobOutputLines.text;
const plainText = sql`(case when strpos(${text}, chr(27)) > 0 then regexp_replace(${text}, ${ANSI_SEQUENCE_PG}, '', 'g') else ${text} end)`;

// Each test first looks at the raw text, which is cheap (a CASE keeps that order), and
// strips colour codes only from the lines that pass: a term is not found across a code
// inside it, which Ansible's output (coloured line by line) does not have.
const containsText = (term: string) => {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(case when ${text} ilike ${pattern} escape '\\' then ${plainText} ilike ${pattern} escape '\\' else false end)`;
};
const namesHost = (host: string) => sql`(case when strpos(${text}, ${host}) > 0 then ${plainText} ~ ${hostPattern(host)} else false end)`;

/**
 * The viewer's window on a job's output: stored lines from `start`, or only those that
 * contain `search` (case-insensitive, in the text without colour codes) or name `host`
 * the way Ansible prints a host. Reads what is stored so far, so it works while the job runs.
 */
export async function searchLines(db: Db, id: number, query: LinesQuery): Promise<LinesPage> {
  const job = await getJob(db, id);
  const where: SQL[] = [eq(jobOutputLines.jobId, id), gte(jobOutputLines.lineNo, query.start)];
  if (query.search) where.push(containsText(query.search));
  if (query.host) where.push(namesHost(query.host));
  const rows = await db
    .select({ lineNo: jobOutputLines.lineNo, text: jobOutputLines.text })
    .from(jobOutputLines)
    .where(and(...where))
    .orderBy(jobOutputLines.lineNo)
    .limit(query.limit + 1);
  const more = rows.length > query.limit ? rows.pop() : undefined;
  return {
    total: await lastLineNo(db, id),
    state: job.state,
    lines: rows.map((r) => [r.lineNo, r.text]),
    next: more ? more.lineNo : null,
  };
}

/**
 * Where Ansible names a host: `ok: [web1]`, `[web1 -> localhost]` (delegation),
 * `web1 | CHANGED | rc=0` (ad-hoc), `web1 -> ...`, and the recap's `web1   : ok=2`.
 */
function hostPattern(host: string): string {
  const h = host.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
  return `\\[${h}(\\]| -> )|(^|\\s)${h} (\\||->)|^${h}\\s+: ok=`;
}
