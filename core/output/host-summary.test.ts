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
    // by name, so that two jobs write the hosts they share in one order
    expect(s.takeDirty().map((r) => r.host)).toEqual(["a", "b", "c", "d"]);
    expect(s.takeDirty()).toEqual([]);
  });

  it("keeps each host's first failure through later events and the final stats", () => {
    const s = new HostSummary();
    s.apply({ event: "runner_on_failed", host: "b", data: {} });
    s.noteFailure("b", "install", "No package matching 'nginxx'");
    s.noteFailure("b", "later", "not this one");
    s.apply({ event: "playbook_on_stats", data: { hosts: { b: { ok: 2, changed: 0, failures: 1, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 } } } });
    expect(s.takeDirty()).toEqual([
      {
        host: "b",
        ...{ ok: 2, changed: 0, failures: 1, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 },
        first_failed_task: "install",
        first_failed_message: "No package matching 'nginxx'",
      },
    ]);
  });

  it("takes the final stats over its own counts", () => {
    const s = new HostSummary();
    s.apply({ event: "runner_on_failed", host: "a", data: {} });
    s.apply({ event: "playbook_on_stats", data: { hosts: { a: { ok: 1, changed: 0, failures: 0, unreachable: 0, skipped: 0, rescued: 1, ignored: 0 } } } });
    expect(s.hosts.get("a")).toMatchObject({ ok: 1, failures: 0, rescued: 1 });
    expect(s.failedHosts()).toEqual([]);
  });
});
