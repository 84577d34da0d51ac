import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

let executor: Executor;

beforeAll(async () => {
  const c = await ctx();
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "big-output-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

describe("output is never capped", () => {
  it("stores a 100,000-line job completely, in order, and serves all of it", async () => {
    const project = await makeProject("big", {
      "big.yml":
        "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.shell: seq 1 100000\n      register: r\n    - ansible.builtin.debug: { var: r.stdout_lines }\n",
    });
    const refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "big.yml" } });
    const job = await waitForState(r.body.id, undefined, 180_000);
    expect(job.state).toBe("successful");
    const lines = await outputOf(job.id); // also checks the numbering has no gap
    expect(lines.length).toBeGreaterThan(100_000);
    const numbers = lines
      .map((l) => /^\s+"(\d+)",?$/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(numbers).toHaveLength(100_000);
    expect(numbers.every((n, i) => n === i + 1)).toBe(true);
    const txt = await api("GET", `/api/job/job/${job.id}/stdout/?format=txt&download=1`);
    expect(txt.status).toBe(200);
    expect(txt.text.split("\n").length - 1).toBe(lines.length);
    expect(txt.text).toContain('"100000"');
  }, 240_000);
});
