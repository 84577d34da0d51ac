import { describe, expect, it } from "vitest";
import type { JobOutline } from "./outline";
import { bannersFoundSoFar, FoldMap, foldsHiding, hiddenRanges, outputSections, sectionBanner, sectionBanners } from "./output-sections";

const stars = "*".repeat(40);
/** An output as ansible-playbook prints it: two plays, a handler, the recap and a last line of ours. */
const OUTPUT = [
  "", // 1
  `PLAY [web] ${stars}`, // 2
  "", // 3
  `\u001b[0;32mTASK [Gathering Facts] ${stars}\u001b[0m`, // 4
  "ok: [web1]", // 5
  "", // 6
  `TASK [deploy : copy] ${stars}`, // 7
  "changed: [web1]", // 8
  "", // 9
  `RUNNING HANDLER [restart] ${stars}`, // 10
  "changed: [web1]", // 11
  "", // 12
  `PLAY [db] ${stars}`, // 13
  "", // 14
  `TASK [ping] ${stars}`, // 15
  "ok: [db1]", // 16
  "", // 17
  `PLAY RECAP ${stars}`, // 18
  "web1 : ok=3 changed=2", // 19
];
const hits = OUTPUT.map((text, i) => [i + 1, text] as const);
const counts = { ok: 1, changed: 0, failed: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 };
const OUTLINE: JobOutline = {
  plays: [
    {
      name: "web",
      started: 100,
      finished: 130,
      tasks: [
        { name: "Gathering Facts", handler: false, started: 100, finished: 103, hosts: counts },
        { name: "deploy : copy", handler: false, started: 103, finished: 120, hosts: { ...counts, ok: 0, changed: 1 } },
        { name: "restart", handler: true, started: 120, finished: 130, hosts: { ...counts, ok: 0, changed: 1 } },
      ],
    },
    { name: "db", started: 130, finished: 131, tasks: [{ name: "ping", handler: false, started: 130, finished: 131, hosts: counts }] },
  ],
};

describe("section banners", () => {
  it("reads plays, tasks, handlers and the recap, colour or not; nothing else", () => {
    expect(sectionBanner(4, OUTPUT[3]!)).toEqual({ line: 4, kind: "task", name: "Gathering Facts" });
    expect(sectionBanner(10, OUTPUT[9]!)).toEqual({ line: 10, kind: "handler", name: "restart" });
    expect(sectionBanner(18, OUTPUT[17]!)).toEqual({ line: 18, kind: "recap", name: "" });
    expect(sectionBanner(1, 'ok: [web1] => {"msg": "TASK [x] ***"}')).toBeNull();
    expect(sectionBanners([...hits, [4, OUTPUT[3]!]]).map((b) => b.line)).toEqual([2, 4, 7, 10, 13, 15, 18]);
  });
});

describe("output sections", () => {
  it("runs a task to the next banner and a play to the next play or the recap, with their times from the outline", () => {
    const s = outputSections(sectionBanners(hits), OUTPUT.length, OUTLINE);
    expect(s.map(({ line, last, kind, name, seconds }) => [line, last, kind, name, seconds])).toEqual([
      [2, 12, "play", "web", 30],
      [4, 6, "task", "Gathering Facts", 3],
      [7, 9, "task", "deploy : copy", 17],
      [10, 12, "handler", "restart", 10],
      [13, 17, "play", "db", 1],
      [15, 17, "task", "ping", 1],
    ]);
    expect(s[2]!.hosts).toEqual({ ...counts, ok: 0, changed: 1 });
  });

  it("runs the last section to the end of an output without a recap, and times nothing past a name that does not match", () => {
    const cut = sectionBanners(hits.slice(0, 16));
    const outline = { plays: [{ ...OUTLINE.plays[0]!, tasks: [OUTLINE.plays[0]!.tasks[0]!, { ...OUTLINE.plays[0]!.tasks[1]!, name: "other" }] }] };
    const s = outputSections(cut, 16, outline);
    expect(s.map((x) => [x.line, x.last, x.seconds])).toEqual([
      [2, 12, 30],
      [4, 6, 3],
      [7, 9, null],
      [10, 12, null],
      [13, 16, null],
      [15, 16, null],
    ]);
    expect(outputSections(cut, 16, undefined).every((x) => x.seconds === null && x.hosts === null)).toBe(true);
  });

  it("ends the sections at the last banner found when the search for them stopped early", () => {
    const found = bannersFoundSoFar(sectionBanners(hits.slice(0, 8)));
    expect(outputSections(found, OUTPUT.length, OUTLINE).map((x) => [x.line, x.last])).toEqual([
      [2, 6],
      [4, 6],
    ]);
    expect(bannersFoundSoFar([])).toEqual([]);
  });
});

describe("folding", () => {
  const sections = outputSections(sectionBanners(hits), OUTPUT.length, OUTLINE);

  it("hides a folded section's lines but its banner, merging a play with its folded tasks", () => {
    expect(hiddenRanges(sections, new Set([7]))).toEqual([[8, 9]]);
    expect(hiddenRanges(sections, new Set([2, 7, 15]))).toEqual([
      [3, 12],
      [16, 17],
    ]);
    expect(hiddenRanges(sections, new Set())).toEqual([]);
    expect(foldsHiding(sections, new Set([2, 7, 15]), 8)).toEqual([2, 7]);
    expect(foldsHiding(sections, new Set([2, 7, 15]), 7)).toEqual([2]);
    expect(foldsHiding(sections, new Set([7]), 7)).toEqual([]);
  });

  it("maps rows to the lines left and back", () => {
    const m = new FoldMap(19, [
      [3, 12],
      [16, 17],
    ]);
    expect(m.count).toBe(19 - 10 - 2);
    expect(Array.from({ length: m.count }, (_, i) => m.lineAt(i))).toEqual([1, 2, 13, 14, 15, 18, 19]);
    expect([1, 2, 3, 12, 13, 15, 16, 17, 18, 19].map((l) => m.indexOf(l))).toEqual([0, 1, null, null, 2, 4, null, null, 5, 6]);
    expect(m.linesOf(1, 5)).toEqual([
      [2, 2],
      [13, 15],
      [18, 18],
    ]);
    const none = new FoldMap(5, []);
    expect([none.count, none.lineAt(4), none.indexOf(5), none.indexOf(6)]).toEqual([5, 5, 4, null]);
    expect(new FoldMap(5, [[2, 5]]).count).toBe(1);
    expect(new FoldMap(0, []).count).toBe(0);
  });
});
