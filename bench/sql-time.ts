/** The statements a domain call sends, re-run under EXPLAIN ANALYZE for their time inside PostgreSQL. */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

type Statement = { sql: string; params: unknown[] };
type Plan = { "Planning Time": number; "Execution Time": number };

export function openTracedDb(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const captured: Statement[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => void captured.push({ sql, params }) } }) as unknown as Db;
  return {
    /** runs `call` once and returns the statements it sent */
    async capture(call: (db: Db) => Promise<unknown>): Promise<Statement[]> {
      captured.length = 0;
      await call(db);
      return [...captured];
    },
    /** planning + execution time of the statements, as PostgreSQL measures them */
    async serverMs(statements: Statement[]): Promise<number> {
      let total = 0;
      for (const s of statements) {
        const [row] = await client.unsafe(`explain (analyze, timing off, format json) ${s.sql}`, s.params as never[]);
        const plan = (row!["QUERY PLAN"] as Plan[])[0]!;
        total += plan["Planning Time"] + plan["Execution Time"];
      }
      return total;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
