import { describe, expect, it } from "vitest";
import { adjacentFailure, bannerTask, failureHost, failureLines, hostFailureLine, taskBanners } from "./failure-lines";
import { sectionBanners } from "./output-sections";

describe("failureHost", () => {
  it("reads the host of Ansible's failure lines, colours or not", () => {
    expect(failureHost('fatal: [web1]: FAILED! => {"msg": "x"}')).toBe("web1");
    expect(failureHost("\x1b[0;31mfatal: [bad]: UNREACHABLE! => {}\x1b[0m")).toBe("bad");
    expect(failureHost("failed: [web2] (item=a) => {}")).toBe("web2");
    expect(failureHost("fatal: [web1 -> localhost]: FAILED! => {}")).toBe("web1");
  });
  it("ignores other lines that mention a failure", () => {
    expect(failureHost("ok: [web1]")).toBeNull();
    expect(failureHost('    "msg": "fatal: [web1]"')).toBeNull();
    expect(failureHost("web1 : ok=1 failed=1")).toBeNull();
  });
});

describe("bannerTask", () => {
  it("reads task and handler banners", () => {
    expect(bannerTask("TASK [nginx : install] ********")).toBe("nginx : install");
    expect(bannerTask("RUNNING HANDLER [restart] ***")).toBe("restart");
    expect(bannerTask("PLAY [all] ****")).toBeNull();
  });
});

const hits: [number, string][] = [
  [3, "TASK [A] ***"],
  [4, "fatal: [h1]: FAILED! => {}"],
  [5, "...ignoring"],
  [7, "TASK [B] ***"],
  [8, "fatal: [h1]: FAILED! => {}"],
  [9, "fatal: [h2]: UNREACHABLE! => {}"],
];

describe("hostFailureLine", () => {
  const failures = failureLines([...hits, [8, "fatal: [h1]: FAILED! => {}"]]);
  const list = taskBanners(sectionBanners(hits));
  it("lists each failure line once, in order", () => {
    expect(failures).toEqual([
      { line: 4, host: "h1" },
      { line: 8, host: "h1" },
      { line: 9, host: "h2" },
    ]);
  });
  it("finds the failure under the task the host's result names", () => {
    expect(hostFailureLine("h1", "B", failures, list)).toBe(8);
    expect(hostFailureLine("h2", "B", failures, list)).toBe(9);
  });
  it("falls back to the host's first failure line, or none", () => {
    expect(hostFailureLine("h1", "", failures, list)).toBe(4);
    expect(hostFailureLine("h1", "gone", failures, list)).toBe(4);
    expect(hostFailureLine("h3", "B", failures, list)).toBeNull();
  });
});

describe("adjacentFailure", () => {
  const lines = [4, 8, 9];
  it("goes forward and back from the line shown", () => {
    expect(adjacentFailure(lines, null, 1)).toBe(4);
    expect(adjacentFailure(lines, 4, 1)).toBe(8);
    expect(adjacentFailure(lines, 5, 1)).toBe(8);
    expect(adjacentFailure(lines, 9, 1)).toBeNull();
    expect(adjacentFailure(lines, null, -1)).toBe(9);
    expect(adjacentFailure(lines, 8, -1)).toBe(4);
    expect(adjacentFailure(lines, 4, -1)).toBeNull();
  });
});
