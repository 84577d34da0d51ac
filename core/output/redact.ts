export const MASK = "********";

/** How a string shows inside a JSON string literal; `ascii`: non-ASCII as `\uXXXX` (Python's json.dumps default). */
function jsonInner(s: string, ascii: boolean): string {
  const inner = JSON.stringify(s).slice(1, -1);
  return ascii ? inner.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : inner;
}

/** How a string shows inside Python's repr() of it (error messages, a list templated into a string). */
function pythonReprInner(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out;
}

/**
 * The ways a secret shows in Ansible's output: as it is, and escaped as Ansible prints
 * strings in results (JSON, with or without non-ASCII escaped; Python's repr; JSON of a repr).
 */
export function secretVariants(secret: string): string[] {
  const out = new Set<string>();
  for (const base of [secret, pythonReprInner(secret)]) {
    out.add(base);
    out.add(jsonInner(base, false));
    out.add(jsonInner(base, true));
  }
  return [...out];
}

/**
 * Replaces every known secret value of a job in a piece of output, in each of the forms
 * Ansible may print it. Longer values are replaced first (one may contain another); a
 * private key is also masked line by line, since a playbook may print it one line at a time.
 */
export function makeRedactor(secrets: string[]): (text: string) => string {
  const values = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    values.add(s);
    const trimmed = s.trim();
    if (trimmed.length >= 4) values.add(trimmed);
    if (s.includes("\n")) for (const line of s.split("\n")) if (line.trim().length >= 16) values.add(line.trim());
  }
  const list = [...new Set([...values].flatMap(secretVariants))].filter((v) => v.length >= 1).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (t) => t;
  return (text) => {
    let out = text;
    for (const v of list) if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  };
}

/**
 * Masks secrets in a parsed value (an event's data): every string and key; a number that
 * spells a secret becomes the mask. A secret spread over several values (it would have to
 * contain JSON syntax) still shows in the JSON text: then the data is dropped.
 */
export function redactValue(value: unknown, redact: (text: string) => string): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v);
    if (typeof v === "number") return redact(String(v)) === String(v) ? v : MASK;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), walk(x)]));
    return v;
  };
  const out = walk(value);
  const text = JSON.stringify(out) ?? "";
  return redact(text) === text ? out : { redacted: MASK };
}
