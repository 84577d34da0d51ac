import { CST, Lexer, parse } from "yaml";

/** Nesting deeper than this is refused before parsing (real inventories and variables stay far below). */
export const MAX_YAML_DEPTH = 100;

export class YamlTooDeep extends Error {
  constructor() {
    super(`YAML 嵌套超过 ${MAX_YAML_DEPTH} 层。`);
  }
}

/**
 * An upper bound of the nesting `parse` would recurse into, from yaml's own lexer
 * (linear, not recursive): block levels by indentation, plus `- `/`? `/`: ` indicators
 * sharing a line, plus open flow collections.
 */
export function yamlDepth(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let onLine = 0;
  let atLineStart = true;
  let max = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (atLineStart && type !== "newline") {
      const indent = type === "space" ? token.length : 0;
      while ((indents.at(-1) ?? -1) >= indent) indents.pop();
      indents.push(indent);
      atLineStart = false;
    }
    if (type === "newline") {
      atLineStart = true;
      onLine = 0;
    } else if (type === "flow-map-start" || type === "flow-seq-start") flow++;
    else if ((type === "flow-map-end" || type === "flow-seq-end") && flow > 0) flow--;
    else if (type === "seq-item-ind" || type === "explicit-key-ind" || type === "map-value-ind") onLine++;
    max = Math.max(max, indents.length + onLine + flow);
  }
  return max;
}

/**
 * `yaml.parse` for text from a request. The parser recurses once per nesting level;
 * past the stack limit it throws, and V8 may then abort the whole process (a RegExp
 * compiled at that depth fails "out of memory"), so deep nesting is refused first.
 * `prettyErrors` is off: its context costs time quadratic in the text's length.
 */
export function parseYamlSafely(text: string): unknown {
  if (yamlDepth(text) > MAX_YAML_DEPTH) throw new YamlTooDeep();
  return parse(text, { logLevel: "error", prettyErrors: false, maxAliasCount: 100 });
}
