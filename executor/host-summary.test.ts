import { describe, expect, it } from "vitest";
import { HostSummary } from "./host-summary";

describe("HostSummary", () => {
  it("counts runner events per host, ignored failures apart", () => {
    const s = new HostSummary();
    s.apply({ event: "runner_on_start", host: "a" });
    s.apply({ event: "runner_on_ok", host: "a", changed: true });
    s.apply({ event: "runner_on_ok", host: "a" });
    s.apply({ event: "runner_on_failed", host: "b", data: { ignore_errors: true } });
    s.apply({ event: "runner_on_failed", host: "b", data: {} });
    s.apply({ event: "runner_on_unreachable", host: "c" });
    s.apply({ event: "runner_on_skipped", host: "d" });
    s.apply({ event: "playbook_on_task_start", task: "x" });
    expect(s.hosts.get("a")).toMatchObject({ ok: 2, changed: 1 });
    expect(s.hosts.get("b")).toMatchObject({ failures: 1, ignored: 1 });
    expect(s.failedHosts()).toEqual(["b", "c"]);
    expect(
      s
        .takeDirty()
        .map(([h]) => h)
        .sort(),
    ).toEqual(["a", "b", "c", "d"]);
    expect(s.takeDirty()).toEqual([]);
  });

  it("takes the final stats over its own counts", () => {
    const s = new HostSummary();
    s.apply({ event: "runner_on_failed", host: "a", data: {} });
    s.apply({ event: "playbook_on_stats", data: { hosts: { a: { ok: 1, changed: 0, failures: 0, unreachable: 0, skipped: 0, rescued: 1, ignored: 0 } } } });
    expect(s.hosts.get("a")).toMatchObject({ ok: 1, failures: 0, rescued: 1 });
    expect(s.failedHosts()).toEqual([]);
  });
});
