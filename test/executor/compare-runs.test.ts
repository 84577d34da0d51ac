import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventories } from "@/db/schema";
import { startExecutor, type Executor } from "@/executor/start-executor";
import type { DiffRow, JobComparison, TaskComparison } from "@/lib/contracts/job-compare";
import { nowSeconds } from "@/lib/time";
import { api, ctx } from "../api";
import { makeCredential, makeProject, outputOf, waitForState } from "./helpers";

const LOCAL = "ansible_connection=local ansible_python_interpreter=/usr/bin/python3";
const PLAYBOOK = [
  "- hosts: all\n  gather_facts: false\n  tasks:",
  "    - name: reach\n      ansible.builtin.ping:",
  '    - name: write marker\n      ansible.builtin.command: "true"\n      changed_when: true',
  '    - name: check disk\n      ansible.builtin.fail:\n        msg: "disk full on {{ inventory_hostname }}"\n      when: inventory_hostname == broken',
  '    - name: report\n      ansible.builtin.debug:\n        msg: "done on {{ inventory_hostname }}"',
  "",
].join("\n");

let executor: Executor;
let template: number;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("compare", { "site.yml": PLAYBOOK });
  // two names for this machine: both run locally
  const [inventory] = await c.db
    .insert(inventories)
    .values({ name: "两台", content: `localhost ${LOCAL}\nweb ${LOCAL}\n`, hosts: ["localhost", "web"], ctime: nowSeconds() })
    .returning();
  const credential = await makeCredential();
  const r = await api("POST", "/api/job/template/", {
    // one host at a time: both runs print their hosts in one order, so what localhost printed lines up
    // (Ansible prints hosts as they finish; lines in another order are not paired, see docs/api.md)
    json: {
      name: "磁盘检查",
      project: project.id,
      inventory: inventory!.id,
      credential: credential.id,
      playbook: "site.yml",
      forks: 1,
      ask_variables_on_launch: true,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  template = r.body.id;
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "compare-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

async function run(variables: string, state: string): Promise<number> {
  const r = await api("POST", `/api/job/template/${template}/launch/`, { json: { variables } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const job = await waitForState(r.body.id);
  expect(job.state, (await outputOf(job.id)).join("\n")).toBe(state);
  return job.id;
}

/** Every row of the output diff, window after window. */
async function diffRows(a: number, b: number): Promise<DiffRow[]> {
  const rows: DiffRow[] = [];
  let query = "?lines=7";
  for (let guard = 0; guard < 100; guard++) {
    const r = await api("GET", `/api/job/job/${a}/compare/${b}/output/${query}`);
    expect(r.status).toBe(200);
    rows.push(...(r.body.rows as DiffRow[]));
    if (!r.body.next) return rows;
    query = `?lines=7&a_from=${r.body.a_next}&b_from=${r.body.b_next}`;
  }
  throw new Error("the diff did not end");
}

const plain = (text: string | undefined) => (text ?? "").replace(/\u001b\[[0-9;]*m/g, "");

describe("comparing two real runs of a template", () => {
  it("shows the variables that differ, the host that failed in the second run, its tasks and its lines", async () => {
    const good = await run("broken: nobody", "successful");
    const bad = await run("broken: web", "failed");

    expect((await api("GET", `/api/job/job/${bad}/compare/`)).body.last_successful.id).toBe(good);

    const r = await api("GET", `/api/job/job/${good}/compare/${bad}/`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const comparison = r.body as JobComparison;
    expect(comparison.options).toEqual([{ field: "variables", a: "broken: nobody", b: "broken: web" }]);
    expect(comparison.hosts.map((h) => [h.host, h.a?.status, h.b?.status, h.differs])).toEqual([
      ["localhost", "changed", "changed", false],
      ["web", "changed", "failed", true],
    ]);
    expect(comparison.hosts[1]!.b!.first_failed_task).toBe("check disk");

    const byName = (name: string) => comparison.tasks.find((t) => t.name === name) as TaskComparison;
    expect(comparison.tasks.map((t) => t.name)).toEqual(["reach", "write marker", "check disk", "report"]);
    expect(byName("reach")).toMatchObject({ in_a: true, in_b: true, differs: false, path_a: "site.yml:4", path_b: "site.yml:4" });
    expect(byName("write marker").results).toEqual([
      { host: "localhost", a: "changed", b: "changed", differs: false },
      { host: "web", a: "changed", b: "changed", differs: false },
    ]);
    expect(byName("check disk").results).toEqual([
      { host: "localhost", a: "skipped", b: "skipped", differs: false },
      { host: "web", a: "skipped", b: "failed", differs: true },
    ]);
    expect(byName("report").results).toEqual([
      { host: "localhost", a: "ok", b: "ok", differs: false },
      { host: "web", a: "ok", b: "absent", differs: true },
    ]);

    const rows = await diffRows(good, bad);
    const [outA, outB] = [await outputOf(good), await outputOf(bad)];
    expect(rows.flatMap((row) => (row.a ? [row.a.line] : []))).toEqual(outA.map((_, i) => i + 1));
    expect(rows.flatMap((row) => (row.b ? [row.b.line] : []))).toEqual(outB.map((_, i) => i + 1));
    // every banner lines up, and so does what localhost printed
    for (const banner of ["TASK [reach]", "TASK [check disk]", "TASK [report]", "PLAY RECAP"]) {
      expect(rows.find((row) => plain(row.a?.text).startsWith(banner))?.kind, banner).toBe("equal");
    }
    expect(rows.filter((row) => plain(row.a?.text).includes("[localhost]")).every((row) => row.kind === "equal")).toBe(true);
    const differing = rows.filter((row) => row.kind !== "equal");
    expect(differing.some((row) => plain(row.b?.text).startsWith("fatal: [web]"))).toBe(true);
    expect(differing.some((row) => plain(row.a?.text).startsWith("skipping: [web]"))).toBe(true);
    expect(differing.every((row) => !plain(row.a?.text).includes("localhost") && !plain(row.b?.text).includes("localhost"))).toBe(true);
  }, 180_000);
});
