export type DiffLine = { op: "same" | "add" | "del"; text: string };

/** A line diff by longest common subsequence; fine for the few hundred lines of a job's variables. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  if (a.length * b.length > 1_000_000) return [...a.map((text) => ({ op: "del" as const, text })), ...b.map((text) => ({ op: "add" as const, text }))];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  const common = (i: number, j: number): number => lcs[i]![j]!;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [lineA, lineB] = [a[i]!, b[j]!];
    if (lineA === lineB) {
      out.push({ op: "same", text: lineA });
      i++;
      j++;
    } else if (common(i + 1, j) >= common(i, j + 1)) {
      out.push({ op: "del", text: lineA });
      i++;
    } else {
      out.push({ op: "add", text: lineB });
      j++;
    }
  }
  for (const text of a.slice(i)) out.push({ op: "del", text });
  for (const text of b.slice(j)) out.push({ op: "add", text });
  return out;
}
