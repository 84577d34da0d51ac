/** A reason an inventory is refused, in the words the API returns. */
export class InventoryError extends Error {}

/** No inventory may expand to more hosts than this (a range like `h[0:99999999]` would). */
export const MAX_HOSTS = 100_000;

const MAX_PATTERN_LENGTH = 1024;

/** Inventory text quoted in a message, cut short so an error never echoes a whole file. */
export const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The host names of one inventory host pattern, as Ansible's `parse_address` and
 * `expand_hostname_range` read it: a `:port` suffix is dropped, `[01:03]`, `[a:c]` and
 * `[0:10:5]` ranges are expanded (several ranges multiply).
 */
export function expandHostPattern(pattern: string): string[] {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new InventoryError(`主机名不能超过 ${MAX_PATTERN_LENGTH} 个字符。`);
  const host = stripPort(pattern);
  if (host === "" || /\s/.test(host)) throw new InventoryError(`无效的主机 “${shown(pattern)}”。`);
  return expandRanges(host);
}

function stripPort(pattern: string): string {
  const m = /^(.*):(\d+)$/.exec(pattern);
  if (!m) return pattern;
  const hostPart = m[1]!;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]$/.exec(hostPart);
  if (bracketed) return bracketed[1]!;
  // a bare IPv6 address has colons of its own: its last group is not a port
  return hostPart.replace(/\[[^\]]*\]/g, "").includes(":") ? pattern : hostPart;
}

function expandRanges(host: string): string[] {
  const m = /^([^[]*)\[([^\]]*)\](.*)$/.exec(host);
  if (!m || !m[2]!.includes(":")) return [host];
  const [, head, range = "", tail = ""] = m;
  const parts = range.split(":");
  if (parts.length > 3) throw new InventoryError(`无效的主机范围 “${shown(host)}”。`);
  const [begRaw = "", end = "", stepRaw] = parts;
  const beg = begRaw === "" ? "0" : begRaw;
  if (end === "") throw new InventoryError(`主机范围 “${shown(host)}” 缺少结束值。`);
  const step = stepRaw === undefined || stepRaw === "" ? 1 : Number(stepRaw);
  if (!Number.isInteger(step) || step < 1) throw new InventoryError(`主机范围 “${shown(host)}” 的步长无效。`);

  const middles = rangeValues(host, beg, end, step);
  const tails = expandRanges(tail);
  if (middles.length * tails.length > MAX_HOSTS) throw new InventoryError(`主机范围 “${shown(host)}” 展开后超过 ${MAX_HOSTS} 台主机。`);
  return middles.flatMap((mid) => tails.map((t) => `${head}${mid}${t}`));
}

function rangeValues(host: string, beg: string, end: string, step: number): string[] {
  const out: string[] = [];
  if (/^[A-Za-z]$/.test(beg) && /^[A-Za-z]$/.test(end)) {
    const b = LETTERS.indexOf(beg);
    const e = LETTERS.indexOf(end);
    if (b > e) throw new InventoryError(`主机范围 “${shown(host)}” 的起始值大于结束值。`);
    for (let i = b; i <= e; i += step) out.push(LETTERS[i]!);
    return out;
  }
  if (!/^\d+$/.test(beg) || !/^\d+$/.test(end)) throw new InventoryError(`无效的主机范围 “${shown(host)}”。`);
  const padded = beg.length > 1 && beg.startsWith("0");
  if (padded && beg.length !== end.length) throw new InventoryError(`主机范围 “${shown(host)}” 的起止值位数必须相同。`);
  const b = Number(beg);
  const e = Number(end);
  if (b > e) throw new InventoryError(`主机范围 “${shown(host)}” 的起始值大于结束值。`);
  if ((e - b) / step >= MAX_HOSTS) throw new InventoryError(`主机范围 “${shown(host)}” 展开后超过 ${MAX_HOSTS} 台主机。`);
  for (let i = b; i <= e; i += step) out.push(padded ? String(i).padStart(beg.length, "0") : String(i));
  return out;
}

export const hostPatternMessages = {
  file: "limit 不能包含 @（不允许从文件读取主机）。",
  option: "limit 不能以 - 开头。",
} as const;

/**
 * Why a `limit` (also an ad-hoc run's host pattern) is refused, or null. Ansible reads
 * the file named by any element that starts with `@` (elements split on `,` or `:`,
 * trimmed), so no `@` is allowed anywhere: host names never hold one. A leading `-`
 * would make the pattern an option of `ansible`.
 */
export function hostPatternProblem(pattern: string): string | null {
  if (pattern.includes("@")) return hostPatternMessages.file;
  if (pattern.trimStart().startsWith("-")) return hostPatternMessages.option;
  return null;
}
