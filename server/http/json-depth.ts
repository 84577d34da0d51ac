/** Nesting deeper than this is refused before parsing (as YAML is, lib/yaml/parse-yaml-safely.ts). */
export const MAX_JSON_DEPTH = 100;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, found by one linear
 * scan that skips strings. JSON.parse itself copes with any depth, but everything that
 * walks the result recursively (JSON.stringify, String(), a serializer) overflows the
 * stack at a few thousand levels.
 */
export function isJsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
