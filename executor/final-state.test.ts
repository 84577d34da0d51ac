import { describe, expect, it } from "vitest";
import { finalState } from "./final-state";

const run = (code: number | null, extra: Partial<{ canceled: boolean; playStarted: boolean; signal: NodeJS.Signals }> = {}) =>
  finalState({ code, signal: extra.signal ?? null }, { canceled: extra.canceled ?? false, playStarted: extra.playStarted ?? true }).state;

describe("finalState", () => {
  it("maps Ansible's exit codes", () => {
    expect(run(0)).toBe("successful");
    expect(run(2)).toBe("failed");
    expect(run(4)).toBe("failed");
    expect(run(4, { playStarted: false })).toBe("error");
    expect(run(1, { playStarted: false })).toBe("error");
    expect(run(5)).toBe("error");
    expect(run(250)).toBe("error");
    expect(run(null, { signal: "SIGKILL" })).toBe("error");
  });

  it("says error when --start-at-task found no task, though Ansible exits 0", () => {
    const missed = finalState({ code: 0, signal: null }, { canceled: false, playStarted: true, startAtTaskMissed: "B" });
    expect(missed.state).toBe("error");
    expect(missed.explanation).toContain("--start-at-task 没有找到任务 “B”");
    expect(finalState({ code: 2, signal: null }, { canceled: false, playStarted: true, startAtTaskMissed: "B" }).state).toBe("failed");
  });

  it("says canceled whenever the user canceled", () => {
    expect(run(99, { canceled: true })).toBe("canceled");
    expect(run(0, { canceled: true })).toBe("canceled");
  });
});
