/** Python's `urllib.parse.quote_plus`: only `A-Za-z0-9_.-~` stay, space becomes `+`. */
export function quotePlus(s: string): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Python's `parse_qs(keep_blank_values=True)`: keys in first-seen order, every value. */
export function parseQuery(search: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(search)) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/** `urlencode(sorted(query.items()), doseq=True)`, as DRF rebuilds its page links. */
export function encodeSortedQuery(query: Map<string, string[]>): string {
  return [...query.keys()]
    .sort()
    .flatMap((k) => query.get(k)!.map((v) => `${quotePlus(k)}=${quotePlus(v)}`))
    .join("&");
}

/** Django's `QueryDict.__getitem__`: the last value of a key (NUL characters dropped: PostgreSQL text cannot hold them). */
export function lastParam(url: URL, key: string): string | undefined {
  const all = url.searchParams.getAll(key);
  return all.at(-1)?.replaceAll("\0", "");
}
