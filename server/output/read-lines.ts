import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobOutputLines } from "@/db/schema";

export type OutputLine = { lineNo: number; text: string };

/** line_no is an int4 column: a cursor past it would be a query error, not an empty page. */
export const MAX_LINE_NO = 2147483647;

/** The next `limit` stored lines after `after`, up to `through`: one range scan of the primary key. */
export async function readLinesAfter(db: Db, jobId: number, after: number, limit: number, through = MAX_LINE_NO): Promise<OutputLine[]> {
  const where: SQL[] = [eq(jobOutputLines.jobId, jobId), gt(jobOutputLines.lineNo, after)];
  if (through < MAX_LINE_NO) where.push(lte(jobOutputLines.lineNo, through));
  return db
    .select({ lineNo: jobOutputLines.lineNo, text: jobOutputLines.text })
    .from(jobOutputLines)
    .where(and(...where))
    .orderBy(jobOutputLines.lineNo)
    .limit(limit);
}

/** The number of the last line stored (the executor numbers lines 1, 2, 3... without gaps), 0 for none. */
export async function lastLineNo(db: Db, jobId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${jobOutputLines.lineNo}), 0)`.mapWith(Number) })
    .from(jobOutputLines)
    .where(eq(jobOutputLines.jobId, jobId));
  return row?.n ?? 0;
}
