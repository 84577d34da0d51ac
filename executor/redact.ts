export const MASK = "********";

/**
 * Replaces every known secret value of a job in a piece of output. Longer secrets are
 * replaced first (one may contain another); a private key is also masked line by line,
 * since a playbook may print it one line at a time.
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
  const list = [...values].filter((v) => v.length >= 1).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (t) => t;
  return (text) => {
    let out = text;
    for (const v of list) if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  };
}
