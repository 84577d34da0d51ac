import { describe, expect, it } from "vitest";
import { bannerKey, normalizeLine } from "./normalize-line";

describe("normalizeLine", () => {
  it("removes colours and trailing blanks", () => {
    expect(normalizeLine("\x1b[0;32mok: [web1]\x1b[0m   ")).toBe("ok: [web1]");
    expect(normalizeLine("\x1b[0;33mchanged: [web1]\x1b[0m")).not.toBe(normalizeLine("\x1b[0;32mok: [web1]\x1b[0m"));
  });

  it("makes timestamps, clock times and durations equal, but keeps the words around them", () => {
    const a = normalizeLine('    "start": "2026-12-06 17:00:05.123456", "delta": "0:00:00.003", "end": "2026-12-06T17:00:05Z"');
    const b = normalizeLine('    "start": "2026-12-07 09:13:44.000001", "delta": "0:00:01.250", "end": "2026-12-07T09:13:46Z"');
    expect(a).toBe(b);
    expect(a).toBe('    "start": "<time>", "delta": "<time>", "end": "<time>"');
    expect(normalizeLine("Saturday 06 December 2026  17:00:05 +0800 (0:00:00.045)")).toBe(
      normalizeLine("Sunday 07 December 2026  09:00:01 +0800 (0:00:02.500)"),
    );
    expect(normalizeLine("took 1.23s")).toBe(normalizeLine("took 450ms"));
    expect(normalizeLine("rc=1")).not.toBe(normalizeLine("rc=2"));
  });

  it("ignores temporary directory names and the job's private directory", () => {
    expect(normalizeLine("/root/.ansible/tmp/ansible-tmp-1701234567.89-1234-5678/AnsiballZ_ping.py")).toBe(
      normalizeLine("/root/.ansible/tmp/ansible-tmp-1709999999.01-99-42/AnsiballZ_ping.py"),
    );
    expect(normalizeLine("task path: /data/run/job-41-AbC12/project/site.yml:3")).toBe(normalizeLine("task path: /data/run/job-42-xYz99/project/site.yml:3"));
    expect(normalizeLine("task path: /job/project/site.yml:3")).not.toBe(normalizeLine("task path: /job/project/site.yml:4"));
  });

  it("pads banners alike", () => {
    expect(normalizeLine("TASK [ping] " + "*".repeat(60))).toBe(normalizeLine("TASK [ping] " + "*".repeat(120)));
  });
});

describe("bannerKey", () => {
  it("recognises play, task, handler and recap banners, coloured or not", () => {
    expect(bannerKey("PLAY [all] ******************")).toBe("PLAY [all] ***");
    expect(bannerKey("TASK [check disk] *************")).toBe("TASK [check disk] ***");
    expect(bannerKey("\x1b[0;34mRUNNING HANDLER [restart] ****\x1b[0m")).toBe("RUNNING HANDLER [restart] ***");
    expect(bannerKey("PLAY RECAP *********************")).toBe("PLAY RECAP ***");
  });

  it("is null for any other line", () => {
    expect(bannerKey("ok: [web1]")).toBeNull();
    expect(bannerKey("TASK [x] is mentioned here")).toBeNull();
    expect(bannerKey("    msg: ***")).toBeNull();
  });
});
