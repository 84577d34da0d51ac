import { and, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { assertValid } from "@/core/errors";
import { JOB_FIELDS, toJobRecord, type JobFieldKey, type JobRecord } from "@/lib/contracts/job";
import { csvRow, UTF8_BOM, type CsvCell } from "@/lib/csv";
import { JOB_CSV_HEADERS, jobCsvCells } from "@/lib/jobs/csv-columns";
import { nowSeconds } from "@/lib/time";
import { isTimeZone, scheduleMessages } from "@/lib/schedules/cron";
import { DEFAULT_TIMEZONE, zoneClock } from "@/lib/schedules/zone-time";
import { readListQuery } from "../drf/list-query";
import { lastParam } from "../drf/query-string";
import { JOB_LIST } from "./job-list-spec";

/** Jobs read per statement while the file streams. */
const BATCH = 1000;

/** Texts of up to 256 KiB the export does not show: a batch of rows stays small without them. */
const NOT_READ: readonly JobFieldKey[] = ["variables", "inventory_str"];
/**
 * Every other stored key of the record is read, so derived ones (`state_name`) come out as
 * the API says them; keys computed per read (a pending job's queue place) are not columns.
 */
const READ: Record<string, AnyPgColumn> = Object.fromEntries(
  Object.entries(JOB_FIELDS).flatMap(([key, f]) => {
    const column = "column" in f ? jobs[f.column as keyof typeof jobs.$inferSelect] : undefined;
    return column && !NOT_READ.includes(key as JobFieldKey) ? [["column" in f ? f.column : key, column]] : [];
  }),
);

export type CsvFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/**
 * Every job the list's query matches (its filters, search and ordering; not its page),
 * as a CSV file for a spreadsheet: UTF-8 with a BOM, Chinese headers, times as wall
 * clocks in `?timezone=` (default Asia/Shanghai). The query is checked before anything is
 * sent. The matching ids are taken at once, in order, in one statement (4 bytes each in
 * memory); the rows are then read and sent `BATCH` at a time as the client takes them,
 * so a million jobs never sit in memory and the file is a snapshot of one moment's list.
 */
export async function exportJobsCsv(db: Db, url: URL, now = nowSeconds()): Promise<CsvFile> {
  const query = readListQuery(url, JOB_LIST);
  const timeZone = readTimeZone(url);
  const clock = zoneClock(timeZone);
  const ids = await matchingIds(db, query.where, query.orderBy);
  const cells = (job: JobRecord) => jobCsvCells(job, clock, now);
  const stamp = clock(now).replace(/\D/g, "");
  return {
    filename: `jobs-${stamp.slice(0, 8)}-${stamp.slice(8)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: csvStream(db, ids, cells),
  };
}

/** `?timezone=`: an IANA zone, else a 400 naming it; absent or empty → Asia/Shanghai. */
function readTimeZone(url: URL): string {
  const zone = lastParam(url, "timezone")?.trim();
  if (!zone) return DEFAULT_TIMEZONE;
  assertValid(isTimeZone(zone) ? {} : { timezone: [scheduleMessages.timezone(zone)] });
  return zone;
}

/** The ids of the matching jobs in the list's order, sent as one text and read without splitting it. */
async function matchingIds(db: Db, where: SQL[], orderBy: SQL[]): Promise<Int32Array> {
  const [found] = await db
    .select({ ids: sql<string | null>`string_agg(${jobs.id}::text, ',' order by ${sql.join(orderBy, sql`, `)})` })
    .from(jobs)
    .where(where.length ? and(...where) : undefined);
  return parseIds(found?.ids ?? "");
}

/** `1,2,3` → ids, digit by digit: split into strings, a million ids would leave ~50 MB of garbage. */
function parseIds(text: string): Int32Array {
  if (text === "") return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const ids = new Int32Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      ids[n++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  ids[n] = value;
  return ids;
}

function csvStream(db: Db, ids: Int32Array, cells: (job: JobRecord) => CsvCell[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next < 0) {
        next = 0;
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(JOB_CSV_HEADERS)));
        return;
      }
      // a batch whose jobs were all deleted meanwhile sends nothing: read on
      let text = "";
      while (text === "" && next < ids.length) {
        const batch = ids.subarray(next, next + BATCH);
        next += BATCH;
        // one array parameter: a thousand bound ones took three times as long
        const rows = await db
          .select({ ...READ, id: jobs.id })
          .from(jobs)
          .where(sql`${jobs.id} = any(${`{${batch.join(",")}}`}::int4[])`);
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const id of batch) {
          const row = byId.get(id);
          if (row) text += csvRow(cells(toJobRecord(row)));
        }
      }
      if (text === "") controller.close();
      else controller.enqueue(encoder.encode(text));
    },
  });
}
