import type { Db } from "@/db/client";
import { stripAnsi } from "@/lib/ansi/strip-ansi";
import { getJob } from "../jobs/get-job";
import { lastLineNo, readLinesAfter, type OutputLine } from "./read-lines";
import { readStdoutQuery } from "./read-stdout-query";

const PAGE_LINES = 5000;

export type StdoutRange = { start: number; end: number; absolute_end: number };

export type Stdout = {
  range: StdoutRange;
  contentType: string;
  /** the file name to offer, when the client asked for a download */
  download: string | null;
  body: ReadableStream<Uint8Array>;
};

/**
 * A job's output between AWX's start_line (inclusive, 0-based) and end_line (exclusive),
 * as a stream read from the database a page at a time, so a long job never sits whole
 * in memory. `json` streams its `content` string the same way.
 */
export async function openStdout(db: Db, id: number, url: URL): Promise<Stdout> {
  await getJob(db, id);
  const query = readStdoutQuery(url);
  const total = await lastLineNo(db, id);
  const start = Math.min(query.startLine, total);
  const end = Math.max(start, Math.min(query.endLine ?? total, total));
  const range = { start, end, absolute_end: total };
  const download = query.download ? `job_${id}.${query.format}` : null;
  if (query.format === "json") {
    const render = (rows: OutputLine[]) => JSON.stringify(joinLines(rows, query.contentFormat === "txt")).slice(1, -1);
    const head = `{"range":${JSON.stringify(range)},"content":"`;
    return { range, download, contentType: "application/json", body: lineStream(db, id, range, render, head, `"}`) };
  }
  const render = (rows: OutputLine[]) => joinLines(rows, query.format === "txt");
  return { range, download, contentType: "text/plain; charset=utf-8", body: lineStream(db, id, range, render) };
}

function joinLines(rows: OutputLine[], plain: boolean): string {
  let out = "";
  for (const r of rows) out += (plain ? stripAnsi(r.text) : r.text) + "\n";
  return out;
}

function lineStream(db: Db, id: number, range: StdoutRange, render: (rows: OutputLine[]) => string, head = "", tail = ""): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = range.start;
  let headSent = head === "";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headSent) {
        headSent = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      const rows = cursor < range.end ? await readLinesAfter(db, id, cursor, PAGE_LINES, range.end) : [];
      const last = rows.at(-1);
      if (!last) {
        if (tail) controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      cursor = last.lineNo;
      controller.enqueue(encoder.encode(render(rows)));
    },
  });
}
