import type { z } from "zod";
import type { Contract, FieldContract } from "./define";

/** The wire type of a record key as docs/api.md names it. */
export function typeLabel(schema: z.ZodType): string {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  if (def.type === "nullable" && def.innerType) return `${typeLabel(def.innerType)} or null`;
  if (def.type === "default" && def.innerType) return typeLabel(def.innerType);
  if (def.type === "string") return "string";
  if (def.type === "boolean") return "bool";
  if (def.type === "array") return "list";
  if (def.type === "number") {
    const n = schema as z.ZodNumber;
    if (n.isInt && n.minValue === 0 && n.maxValue === 1) return "0/1";
    return n.isInt ? "int" : "number";
  }
  return def.type;
}

const yes = (on: unknown) => (on ? "✓" : "");
const filterLabel = (f: FieldContract) => (f.filter === "time" ? "`__gte`, `__lte`" : f.filter === "choices" ? "✓, `__in`" : f.filter ? "✓" : "");

const COLUMNS: [heading: string, cell: (f: FieldContract) => string][] = [
  ["type", (f) => typeLabel(f.output)],
  [
    "written by",
    (f) =>
      f.derive
        ? "derived"
        : f.writeOnly
          ? 'create, change (write-only: shown as `"$encrypted$"` when set)'
          : f.input
            ? f.update
              ? "create, change"
              : "create"
            : "read-only",
  ],
  ["`ordering`", (f) => yes(f.orderable)],
  ["filter", filterLabel],
  ["`search`", (f) => yes(f.searchable)],
  ["run option", (f) => yes(f.option)],
  ["launch prompt", (f) => yes(f.prompt)],
  ["re-run copies", (f) => yes(f.rerun)],
];

/** Every key of a record with what the API does with it, as a Markdown table (empty columns left out). */
export function fieldTable(contract: Contract): string {
  const fields = Object.entries(contract);
  const columns = COLUMNS.filter(([, cell]) => fields.some(([, f]) => cell(f) !== ""));
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    row(["key", ...columns.map(([heading]) => heading)]),
    row(["---", ...columns.map(() => "---")]).replaceAll(" ", ""),
    ...fields.map(([key, f]) => row([`\`${key}\``, ...columns.map(([, cell]) => cell(f))])),
  ].join("\n");
}

/** The keys beyond the seed's record and what they mean, as a Markdown table. */
export function addedTable(contract: Contract): string {
  const rows = Object.entries(contract)
    .filter(([, f]) => f.added)
    .map(([key, f]) => `| \`${key}\` | ${typeLabel(f.output)} | ${f.added} |`);
  return ["| key | type | meaning |", "|---|---|---|", ...rows].join("\n");
}

/** A document with each marked region (`<!-- fields:NAME -->` … `<!-- /fields:NAME -->`) replaced. */
export function rewriteRegions(doc: string, regions: Record<string, string>): string {
  let out = doc;
  for (const [name, body] of Object.entries(regions)) {
    const start = `<!-- fields:${name} -->`;
    const end = `<!-- /fields:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs: no region ${start} … ${end}`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}
