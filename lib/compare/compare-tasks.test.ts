import { describe, expect, it } from "vitest";
import { compareTasks, tasksOfRun, type TaskEvent } from "./compare-tasks";

const base = { play: "deploy", task: "", host: "", changed: false, uuid: null, path: null, ignoreErrors: false, rescued: false };
const start = (task: string, uuid: string, path = `site.yml:${uuid}`): TaskEvent => ({ ...base, event: "playbook_on_task_start", task, uuid, path });
const ok = (task: string, host: string, changed = false): TaskEvent => ({ ...base, event: "runner_on_ok", task, host, changed });
const failed = (task: string, host: string, uuid: string, extra: Partial<TaskEvent> = {}): TaskEvent => ({
  ...base,
  event: "runner_on_failed",
  task,
  host,
  uuid,
  ...extra,
});

describe("tasksOfRun", () => {
  it("gives each started task its results per host, counting repeated names as occurrences", () => {
    const tasks = tasksOfRun([
      { ...base, event: "playbook_on_play_start" },
      start("ping", "u1"),
      ok("ping", "web"),
      { ...base, event: "runner_item_on_ok", task: "ping", host: "db" },
      ok("ping", "db", true),
      start("ping", "u2"),
      failed("ping", "web", "u2"),
      failed("ping", "db", "u2", { ignoreErrors: true }),
      start("guarded", "u3"),
      failed("guarded", "web", "u3", { rescued: true }),
      { ...base, event: "runner_on_skipped", task: "guarded", host: "db" },
      { ...base, event: "runner_on_unreachable", task: "guarded", host: "far", uuid: "u3" },
    ]);
    expect(tasks.map((t) => [t.name, t.occurrence, t.path, Object.fromEntries(t.results)])).toEqual([
      ["ping", 1, "site.yml:u1", { web: "ok", db: "changed" }],
      ["ping", 2, "site.yml:u2", { web: "failed", db: "ignored" }],
      ["guarded", 1, "site.yml:u3", { web: "rescued", db: "skipped", far: "unreachable" }],
    ]);
  });

  it("files a failure under the task its task_uuid names, even after another task started (free strategy)", () => {
    const tasks = tasksOfRun([start("a", "u1"), start("b", "u2"), failed("a", "web", "u1"), ok("b", "web")]);
    expect(tasks.map((t) => Object.fromEntries(t.results))).toEqual([{ web: "failed" }, { web: "ok" }]);
  });
});

describe("compareTasks", () => {
  it("aligns tasks as they ran, keeps tasks of one run only, and flags the hosts whose result differs", () => {
    const a = tasksOfRun([start("ping", "1"), ok("ping", "web"), ok("ping", "db"), start("deploy", "2"), ok("deploy", "web", true), ok("deploy", "db", true)]);
    const b = tasksOfRun([
      start("ping", "1"),
      ok("ping", "web"),
      ok("ping", "db"),
      start("backup", "9"),
      ok("backup", "web"),
      start("deploy", "2"),
      ok("deploy", "web", true),
      failed("deploy", "db", "2"),
    ]);
    const rows = compareTasks(a, b);
    expect(rows.map((r) => [r.name, r.in_a, r.in_b, r.differs])).toEqual([
      ["ping", true, true, false],
      ["backup", false, true, true],
      ["deploy", true, true, true],
    ]);
    expect(rows[1]!.results).toEqual([{ host: "web", a: "absent", b: "ok", differs: true }]);
    expect(rows[2]!.results).toEqual([
      { host: "db", a: "changed", b: "failed", differs: true },
      { host: "web", a: "changed", b: "changed", differs: false },
    ]);
  });

  it("tells handlers from tasks of the same name", () => {
    const a = tasksOfRun([{ ...base, event: "playbook_on_handler_task_start", task: "restart", uuid: "h" }, ok("restart", "web")]);
    const b = tasksOfRun([start("restart", "t"), ok("restart", "web")]);
    expect(compareTasks(a, b).map((r) => [r.handler, r.in_a, r.in_b])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
  });
});
