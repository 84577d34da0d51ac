/**
 * The git transport (as `GIT_ALLOW_PROTOCOL` names it) of a repository address this
 * product accepts, or null when it accepts none: `http(s)://`, `ssh://`, `git://`,
 * `file://` URLs and scp-like `user@host:path` (ssh). Nothing git could read as an
 * option: no leading `-`, and no user or host beginning with `-`.
 */
export function scmUrlTransport(url: string): string | null {
  const m = /^(https?|ssh|git|file):\/\/(\S+)$/i.exec(url);
  if (m) return m[2]!.startsWith("-") ? null : m[1]!.toLowerCase();
  return /^[\w.][\w.-]*@[\w.][\w.-]*:\S+$/.test(url) ? "ssh" : null;
}

/** Whether git's `GIT_ALLOW_PROTOCOL` list (colon-separated, e.g. `https:ssh:git`) lets a sync use `transport`. */
export function isTransportAllowed(transport: string, allowProtocol: string): boolean {
  return allowProtocol.split(":").includes(transport);
}
