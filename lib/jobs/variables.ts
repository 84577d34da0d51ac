import { parse, stringify } from "yaml";

export type VariablesView = "given" | "yaml" | "json";

/**
 * The job's extra variables in the chosen notation. Text that does not parse is shown as
 * given (`ok: false`), never altered.
 */
export function formatVariables(text: string, view: VariablesView): { text: string; ok: boolean } {
  if (view === "given" || text.trim() === "") return { text, ok: true };
  try {
    const value: unknown = parse(text);
    if (value === null || typeof value !== "object") return { text, ok: false };
    return { text: view === "json" ? JSON.stringify(value, null, 2) : stringify(value).trimEnd(), ok: true };
  } catch {
    return { text, ok: false };
  }
}

/** JSON text is shown pretty-printed by default; YAML as written. */
export const defaultVariablesView = (text: string): VariablesView => (/^\s*\{/.test(text) ? "json" : "given");
