import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** Python's repr() of a string, without the quotes (error messages, a list templated into a string). */
function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  return [...s].map((c) => (c === "\\" || c === quote ? `\\${c}` : c === "\n" ? "\\n" : c)).join("");
}

/**
 * The ways a secret can be written down and still be read back: as it is, JSON-escaped
 * (Ansible prints results as JSON: `"` → `\"`, `\` → `\\`), ASCII-escaped (Python's
 * `json.dumps` default: non-ASCII as `\uXXXX`), as Python's repr, and repr then JSON.
 * Written here on their own, not taken from the executor's redactor.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>();
  for (const base of [secret, pythonRepr(secret)]) {
    const json = JSON.stringify(base).slice(1, -1);
    forms
      .add(base)
      .add(json)
      .add(json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  }
  return [...forms];
}

/** Which of the secrets (by name) a text or byte buffer holds in any of their forms. */
export function secretsIn(content: string | Buffer, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of secretForms(secret)) {
      const hit = typeof content === "string" ? content.includes(form) : content.includes(Buffer.from(form, "utf8"));
      if (hit) found.push(`${name} (${form === secret ? "as is" : "escaped"})`);
    }
  }
  return found;
}

/** Every table of every schema (the app's and any other in the database) whose rows, as text, hold a secret: "schema.table: name". */
export async function tablesContaining(db: Db, secrets: Record<string, string>): Promise<{ tables: number; rows: number; found: string[] }> {
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(sql`
    select table_schema as s, table_name as t from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`),
  );
  const found: string[] = [];
  let rows = 0;
  for (const { s, t } of tables) {
    const ident = `"${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`;
    const texts = rowsOf<{ row: string }>(await db.execute(sql.raw(`select r::text as row from ${ident} r`)));
    rows += texts.length;
    for (const { row } of texts) for (const hit of secretsIn(row, secrets)) found.push(`${s}.${t}: ${hit}`);
  }
  return { tables: tables.length, rows, found: [...new Set(found)] };
}

/**
 * Files under `root` (not following links) whose raw bytes hold a secret. `since`: only
 * files changed from then on (ms); `skip`: directory names not to enter.
 */
export function filesContaining(
  root: string,
  secrets: Record<string, string>,
  opts: { since?: number; skip?: (name: string) => boolean } = {},
): { files: number; found: string[] } {
  const found: string[] = [];
  let files = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone, or not ours to read
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!opts.skip?.(e.name)) walk(p);
      } else if (e.isFile()) {
        try {
          const st = fs.statSync(p);
          if (opts.since !== undefined && Math.max(st.mtimeMs, st.ctimeMs) < opts.since) continue;
          if (st.size > 256 * 2 ** 20) continue;
          files++;
          for (const hit of secretsIn(fs.readFileSync(p), secrets)) found.push(`${p}: ${hit}`);
        } catch {
          /* gone while walking */
        }
      }
    }
  };
  walk(root);
  return { files, found };
}

/**
 * Records everything this process logs (console and both standard streams) until
 * `stop()`; the output still goes where it went.
 */
export function captureLogs(): { text: () => string; stop: () => void } {
  const chunks: string[] = [];
  const record = (args: unknown[]) => chunks.push(args.map((a) => (typeof a === "string" ? a : util.inspect(a, { depth: 10 }))).join(" "));
  const methods = ["log", "error", "warn", "info", "debug", "trace"] as const;
  const originals = methods.map((m) => console[m]);
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      record(args);
      originals[i]!.apply(console, args);
    };
  });
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((s) => s.write);
  streams.forEach((s, i) => {
    s.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
      return (writes[i] as (...a: unknown[]) => boolean).call(s, chunk, ...rest);
    }) as typeof s.write;
  });
  return {
    text: () => chunks.join("\n"),
    stop: () => {
      methods.forEach((m, i) => (console[m] = originals[i]!));
      streams.forEach((s, i) => (s.write = writes[i]!));
    },
  };
}
