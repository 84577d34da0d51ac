import { parse as parseYaml } from "yaml";
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
    yaml = parseYaml(content, { logLevel: "error", maxAliasCount: 100 });
  } catch (e) {
    yamlError = (e as Error).message.split("\n")[0].replace(/:\s*$/, "");
  }
  if (typeof yaml === "object" && yaml !== null && !Array.isArray(yaml)) {
    return attempt(() => yamlInventoryHosts(yaml as Record<string, unknown>), (why) => `无效的 YAML 主机清单：${why}`);
  }
  return attempt(
    () => parseIniHosts(content),
    (why) => (yamlError !== undefined && looksLikeYaml(content) ? `无效的 YAML 主机清单：${yamlError}` : `无效的 INI 主机清单：${why}`),
  );
}

/** `key:` lines and no `[section]` line: a broken YAML inventory rather than an INI one. */
function looksLikeYaml(content: string): boolean {
  return /^(---|\s*[^#;\s[][^=\s]*:(\s|$))/m.test(content) && !/^\s*\[[^\]]*\]\s*(#.*)?$/m.test(content);
}

function attempt(parse: () => string[], explain: (why: string) => string): ParsedHosts {
  try {
    return { ok: true, hosts: parse() };
  } catch (e) {
    if (e instanceof InventoryError) return { ok: false, error: explain(e.message) };
    throw e;
  }
}
