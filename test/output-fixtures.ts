import { sql } from "drizzle-orm";
import { jobEvents, jobHostSummaries, jobOutputLines } from "@/db/schema";
import { ctx } from "./api";

/** Output lines as the executor writes them, numbered on from `from` (1-based). */
export async function insertLines(jobId: number, lines: string[], from = 1): Promise<void> {
  const { db } = await ctx();
  if (lines.length === 0) return;
  await db.insert(jobOutputLines).values(lines.map((text, i) => ({ jobId, lineNo: from + i, text })));
}

/** `count` generated lines `from`..`from+count-1`, text "line <n>" with colour, in one statement. */
export async function insertManyLines(jobId: number, count: number, from = 1): Promise<void> {
  const { db } = await ctx();
  await db.execute(sql`insert into job_output_lines (job_id, line_no, text)
    select ${jobId}, n, E'\\x1b[0;32mline ' || n || E'\\x1b[0m' from generate_series(${from}::int, ${from + count - 1}::int) n`);
}

type EventInput = Partial<typeof jobEvents.$inferInsert> & { event: string };

export async function insertEvents(jobId: number, events: EventInput[]): Promise<void> {
  const { db } = await ctx();
  await db.insert(jobEvents).values(events.map((e, i) => ({ seq: i + 1, lineNo: i + 1, created: 1700000000 + i, ...e, jobId })));
}

type SummaryInput = Partial<typeof jobHostSummaries.$inferInsert> & { host: string };

export async function insertSummaries(jobId: number, rows: SummaryInput[]): Promise<void> {
  const { db } = await ctx();
  await db.insert(jobHostSummaries).values(rows.map((r) => ({ ...r, jobId })));
}
