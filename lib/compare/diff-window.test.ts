import { describe, expect, it } from "vitest";
import type { DiffRow } from "../contracts/job-compare";
import { alignLines, type Line } from "./align-lines";
import { diffWindow, matchAnchors, type Banner, type LineSource } from "./diff-window";
import { bannerKey } from "./normalize-line";

const numbered = (texts: string[], from = 1): Line[] => texts.map((text, i) => ({ line: from + i, text }));

/** An in-memory output that counts the lines each window reads. */
function source(texts: string[]): LineSource & { linesRead: number } {
  const lines = numbered(texts);
  const s = {
    total: lines.length,
    linesRead: 0,
    read: async (from: number, to: number) => {
      const out = lines.slice(from - 1, Math.max(from - 1, to - 1));
      s.linesRead += out.length;
      return out;
    },
  };
  return s;
}

function bannersOf(texts: string[]): Banner[] {
  return texts.flatMap((text, i) => {
    const key = bannerKey(text);
    return key === null ? [] : [{ line: i + 1, key }];
  });
}

/** Every window from the start, chained through the cursors each answers. */
async function allRows(a: string[], b: string[], size: number, chunk?: number): Promise<DiffRow[]> {
  const [sa, sb] = [source(a), source(b)];
  const anchors = matchAnchors(bannersOf(a), bannersOf(b));
  const rows: DiffRow[] = [];
  let [aFrom, bFrom] = [1, 1];
  for (let guard = 0; guard < 100_000; guard++) {
    const w = await diffWindow({ a: sa, b: sb, anchors, aFrom, bFrom, size, chunk });
    if (!w.done) expect(w.rows).toHaveLength(size);
    rows.push(...w.rows);
    if (w.done) return rows;
    [aFrom, bFrom] = [w.aNext, w.bNext];
  }
  throw new Error("no end");
}

/** Each line of both outputs exactly once, in order. */
function expectCovers(rows: DiffRow[], a: string[], b: string[]) {
  expect(rows.flatMap((r) => (r.a ? [r.a.line] : []))).toEqual(a.map((_, i) => i + 1));
  expect(rows.flatMap((r) => (r.b ? [r.b.line] : []))).toEqual(b.map((_, i) => i + 1));
}

const task = (name: string, hosts: string[], result = "ok") => [`TASK [${name}] ${"*".repeat(40)}`, ...hosts.map((h) => `${result}: [${h}]`), ""];

describe("alignLines", () => {
  it("pairs a replaced line as changed, keeps equal ones equal and shows extra lines alone", () => {
    const rows = alignLines(numbered(["a", "b", "c", "d"]), numbered(["a", "B", "c", "x", "d"]));
    expect(rows.map((r) => [r.kind, r.a?.line ?? null, r.b?.line ?? null])).toEqual([
      ["equal", 1, 1],
      ["changed", 2, 2],
      ["equal", 3, 3],
      ["only_b", null, 4],
      ["equal", 4, 5],
    ]);
  });

  it("compares normalised text: colours and times do not make lines differ; rows keep the stored text", () => {
    const rows = alignLines(numbered(["\x1b[0;32mok: [web]\x1b[0m", "elapsed 0:00:01.5"]), numbered(["ok: [web]", "elapsed 0:00:09.1"]));
    expect(rows.map((r) => r.kind)).toEqual(["equal", "equal"]);
    expect(rows[0]!.a!.text).toBe("\x1b[0;32mok: [web]\x1b[0m");
  });
});

describe("matchAnchors", () => {
  it("pairs the banners both print, in order, skipping one only a run has", () => {
    const a = [...task("A", ["w"]), ...task("B", ["w"]), ...task("C", ["w"])];
    const b = [...task("A", ["w"]), ...task("C", ["w"])];
    expect(matchAnchors(bannersOf(a), bannersOf(b))).toEqual([
      { a: 1, b: 1 },
      { a: 7, b: 4 },
    ]);
  });
});

describe("diffWindow", () => {
  it("aligns task by task: a task only in b, a changed result, the rest equal", async () => {
    const a = [...task("ping", ["web", "db"]), ...task("deploy", ["web", "db"]), ...task("check", ["web", "db"])];
    const b = [
      ...task("ping", ["web", "db"]),
      ...task("new step", ["web", "db"], "changed"),
      ...task("deploy", ["web", "db"]),
      "TASK [check] " + "*".repeat(40),
      "ok: [web]",
      "fatal: [db]: FAILED!",
      "",
    ];
    for (const size of [1, 3, 50]) {
      const rows = await allRows(a, b, size);
      expectCovers(rows, a, b);
      const kinds = rows.map((r) => r.kind);
      expect(kinds.filter((k) => k === "only_b")).toHaveLength(4);
      const changed = rows.filter((r) => r.kind === "changed");
      expect(changed.map((r) => [r.a!.text, r.b!.text])).toEqual([["ok: [db]", "fatal: [db]: FAILED!"]]);
      expect(rows.find((r) => r.a?.text.startsWith("TASK [deploy]"))).toMatchObject({ kind: "equal", b: { line: 9 } });
    }
  });

  it("resynchronises inside a task longer than a chunk after a block inserted in one run", async () => {
    const a = Array.from({ length: 5000 }, (_, i) => `item ${i}`);
    const b = [...a.slice(0, 2000), ...Array.from({ length: 1500 }, (_, i) => `extra ${i}`), ...a.slice(2000)];
    b[4000] = "item changed";
    const rows = await allRows(a, b, 400, 1000);
    expectCovers(rows, a, b);
    expect(rows.filter((r) => r.kind === "only_b")).toHaveLength(1500);
    expect(rows.filter((r) => r.kind === "changed")).toHaveLength(1);
    // after the inserted block the runs line up again: a's line 3001 beside b's 4501
    expect(rows.find((r) => r.a?.line === 3001)).toMatchObject({ kind: "equal", b: { line: 4501 } });
    expect(rows.filter((r) => r.kind === "equal")).toHaveLength(4999);
  });

  it("reads a bounded number of lines per window, wherever it starts", async () => {
    const a = Array.from({ length: 100_000 }, (_, i) => (i % 50 === 0 ? `TASK [t${i}] ${"*".repeat(30)}` : `ok: [h${i}]`));
    const b = a.map((t, i) => (i === 70_123 ? "fatal: [x]" : t));
    const anchors = matchAnchors(bannersOf(a), bannersOf(b));
    const [sa, sb] = [source(a), source(b)];
    const w = await diffWindow({ a: sa, b: sb, anchors, aFrom: 70_001, bFrom: 70_001, size: 200 });
    expect(w.rows).toHaveLength(200);
    expect(w.rows[0]).toMatchObject({ a: { line: 70_001 }, b: { line: 70_001 } });
    expect(w.rows.filter((r) => r.kind === "changed").map((r) => r.a!.line)).toEqual([70_124]);
    expect([w.aNext, w.bNext]).toEqual([70_201, 70_201]);
    expect(sa.linesRead + sb.linesRead).toBeLessThan(2 * (200 + 100));
  });

  it("shows wholly different outputs side by side, and one empty output as lines of the other alone", async () => {
    const rows = await allRows(["x", "y"], ["p", "q", "r"], 2);
    expect(rows.map((r) => r.kind)).toEqual(["changed", "changed", "only_b"]);
    const onlyA = await allRows(["x", "y"], [], 10);
    expect(onlyA.map((r) => r.kind)).toEqual(["only_a", "only_a"]);
    const none = await diffWindow({ a: source([]), b: source([]), anchors: [], aFrom: 1, bFrom: 1, size: 10 });
    expect(none).toEqual({ rows: [], aNext: 1, bNext: 1, done: true });
  });
});
