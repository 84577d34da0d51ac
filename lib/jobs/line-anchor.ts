/** `#L29`: the address of one line of a job's output. */
export const lineAnchor = (line: number) => `#L${line}`;

/** The line an address's fragment points at, or null. */
export function parseLineAnchor(hash: string): number | null {
  const m = /^#L([1-9]\d{0,8})$/.exec(hash);
  return m ? Number(m[1]) : null;
}
