import { YAMLParseError } from "yaml";
import { parseYamlSafely } from "../yaml/parse-yaml-safely";
import { InventoryError } from "./host-pattern";
import { parseIniHosts } from "./parse-ini-inventory";
import { yamlInventoryHosts } from "./parse-yaml-inventory";

export type ParsedHosts = { ok: true; hosts: string[] } | { ok: false; error: string };

/**
 * The host names of an inventory's text, INI or YAML (JSON is YAML), in first-seen order.
 * Text that parses as a YAML mapping is a YAML inventory; anything else is read as INI.
 */
export function parseHosts(content: string): ParsedHosts {
  if (content.trim() === "") return { ok: true, hosts: [] };
  let yaml: unknown;
  let yamlError: string | undefined;
  try {
    yaml = parseYamlSafely(content);
  } catch (e) {
    yamlError = describeYamlError(e, content);
  }
  if (typeof yaml === "object" && yaml !== null && !Array.isArray(yaml)) {
    return attempt(
      () => yamlInventoryHosts(yaml as Record<string, unknown>),
      (why) => `无效的 YAML 主机清单：${why}`,
    );
  }
  return attempt(
    () => parseIniHosts(content),
    (why) => (yamlError !== undefined && looksLikeYaml(content) ? `无效的 YAML 主机清单：${yamlError}` : `无效的 INI 主机清单：${why}`),
  );
}

function describeYamlError(e: unknown, content: string): string {
  const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  const pos = e instanceof YAMLParseError ? e.pos[0] : -1;
  if (pos < 0) return message;
  let line = 1;
  for (let i = content.indexOf("\n"); i !== -1 && i < pos; i = content.indexOf("\n", i + 1)) line++;
  return `第 ${line} 行：${message}`;
}

/** `key:` lines and no `[section]` line: a broken YAML inventory rather than an INI one. */
function looksLikeYaml(content: string): boolean {
  // `[ \t]`, not `\s`: a `\s*` could run across lines from every line start (quadratic)
  return /^(---|[ \t]*[^#;\s[][^=\s]*:(\s|$))/m.test(content) && !/^[ \t]*\[[^\]\n]*\][ \t]*(#.*)?$/m.test(content);
}

function attempt(parse: () => string[], explain: (why: string) => string): ParsedHosts {
  try {
    return { ok: true, hosts: parse() };
  } catch (e) {
    if (e instanceof InventoryError) return { ok: false, error: explain(e.message) };
    throw e;
  }
}
