import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeProject, outputOf, waitForState } from "./helpers";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";

let executor: Executor;
let refs: Record<string, number>;
let threeHosts: number;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("live", {
    "ticks.yml":
      '- hosts: all\n  gather_facts: false\n  tasks:\n    - name: tick\n      ansible.builtin.command: sleep 0.2\n      loop: "{{ range(0, 25) | list }}"\n',
    "ping.yml": "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: reach\n      ansible.builtin.ping:\n",
    "mixed.yml": [
      "- hosts: all\n  gather_facts: false\n  tasks:",
      "    - name: reach\n      ansible.builtin.ping:",
      '    - name: write marker\n      ansible.builtin.command: "true"\n      changed_when: true',
      '    - name: check disk\n      ansible.builtin.fail:\n        msg: "disk full on {{ inventory_hostname }}"\n      when: inventory_hostname == "web"',
      "",
    ].join("\n"),
  });
  // localhost works; `bad` points at a port where nothing listens
  const content =
    "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\nbad ansible_host=127.0.0.1 ansible_port=1 ansible_user=nobody\n";
  const [inv] = await c.db
    .insert(inventories)
    .values({ name: "混合", content, hosts: ["localhost", "bad"], ctime: nowSeconds() })
    .returning();
  // and `web`, a second local host, on which a task fails
  const [three] = await c.db
    .insert(inventories)
    .values({
      name: "三台",
      content: `${content}web ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n`,
      hosts: ["localhost", "bad", "web"],
      ctime: nowSeconds(),
    })
    .returning();
  refs = { project: project.id, inventory: inv!.id, credential: (await makeCredential()).id };
  threeHosts = three!.id;
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 2, workerId: "live-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

type Sse = { id?: string; event: string; data: string };

/** Reads SSE events from a stream response until `stop` says so or the stream ends. */
async function readEvents(res: Response, stop: (events: Sse[]) => boolean): Promise<Sse[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: Sse[] = [];
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buf.indexOf("\n\n")) !== -1) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const e: Sse = { event: "message", data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith("id:")) e.id = line.slice(3).trim();
        else if (line.startsWith("event:")) e.event = line.slice(6).trim();
        else if (line.startsWith("data:")) e.data += line.slice(5).trim();
      }
      if (block.startsWith(":")) continue;
      events.push(e);
    }
    if (stop(events)) {
      await reader.cancel();
      break;
    }
  }
  return events;
}

describe("live output and re-runs of real jobs", () => {
  it("streams a running job's lines; a reconnect with Last-Event-ID neither loses nor doubles a line", async () => {
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "ticks.yml", limit: "localhost" } });
    const id = r.body.id;
    await waitForState(id, ["running"]);
    const first = await api("GET", `/api/job/job/${id}/stream/`, { stream: true });
    const part1 = await readEvents(first.response!, (ev) => ev.filter((e) => e.event === "line").length >= 5);
    const lines1 = part1.filter((e) => e.event === "line");
    const last = lines1.at(-1)!.id!;
    const second = await api("GET", `/api/job/job/${id}/stream/`, { stream: true, headers: { "last-event-id": last } });
    const part2 = await readEvents(second.response!, (ev) => ev.some((e) => e.event === "end"));
    const job = await waitForState(id);
    expect(job.state).toBe("successful");
    const got = [...lines1, ...part2.filter((e) => e.event === "line")].map((e) => JSON.parse(e.data) as { line: number; text: string });
    const stored = await outputOf(id);
    expect(got.map((g) => g.line)).toEqual(stored.map((_, i) => i + 1));
    expect(got.map((g) => g.text.replace(/\u001b\[[0-9;]*m/g, ""))).toEqual(stored);
    expect(part2.some((e) => e.event === "end")).toBe(true);
  }, 120_000);

  it("re-runs only the hosts that failed or were unreachable", async () => {
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "ping.yml" } });
    const first = await waitForState(r.body.id);
    expect(first.state).toBe("failed");
    const hosts = await api("GET", `/api/job/job/${first.id}/hosts/`);
    expect(hosts.body.results.map((h: { host: string; failed: boolean }) => [h.host, h.failed])).toEqual([
      ["bad", true],
      ["localhost", false],
    ]);
    const rerun = await api("POST", `/api/job/job/${first.id}/relaunch/`, { json: { hosts: "failed" } });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(201);
    expect(rerun.body).toMatchObject({ job: first.id, limit: "bad", playbook: "ping.yml", state: "new" });
    const second = await waitForState(rerun.body.id);
    const out = (await outputOf(second.id)).join("\n");
    expect(out).toContain("[bad]");
    expect(out).not.toContain("[localhost]");
    const all = await api("POST", `/api/job/job/${first.id}/relaunch/`, { json: {} });
    expect(all.body.limit).toBe("");
    await waitForState(all.body.id);
  }, 120_000);

  it("stores each host's own result: unreachable, a failed task with its message, changed; the hosts list and filter follow", async () => {
    const r = await api("POST", "/api/job/job/", { json: { ...refs, inventory: threeHosts, playbook: "mixed.yml" } });
    const job = await waitForState(r.body.id);
    expect(job.state).toBe("failed");
    const summaries = (await api("GET", `/api/job/job/${job.id}/hosts/`)).body.results;
    expect(summaries).toMatchObject([
      { host: "bad", status: "unreachable", unreachable: 1, first_failed_task: "reach" },
      { host: "localhost", status: "changed", changed: 1, failures: 0, first_failed_task: "", first_failed_message: "" },
      { host: "web", status: "failed", failures: 1, changed: 1, first_failed_task: "check disk", first_failed_message: "disk full on web" },
    ]);
    // the unreachable host's message is Ansible's reason, not empty
    expect(summaries[0].first_failed_message).toMatch(/\S/);
    const hosts = await api("GET", "/api/job/host/?name=web");
    expect(hosts.body.results).toMatchObject([{ name: "web", last_job: job.id, last_status: "failed" }]);
    expect((await api("GET", `/api/job/job/?host=web&state=failed`)).body.results.map((j: { id: number }) => j.id)).toContain(job.id);
    const timeline = await api("GET", `/api/job/host/${hosts.body.results[0].id}/results/`);
    expect(timeline.body.results[0]).toMatchObject({ job: job.id, status: "failed", changed_tasks: ["write marker"], failed_tasks: ["check disk"] });
  }, 120_000);
});
