import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventories } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeProject, outputOf, waitForState } from "./helpers";

/** Each host prints its name and `greeting`; a task tagged `extra` prints when tags allow it. */
const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.debug:
        msg: "hello-from={{ inventory_hostname }} greeting={{ greeting | default('none') }}"
    - ansible.builtin.debug:
        msg: "extra-ran"
      tags: [extra, never]
`;

let executor: Executor;
let template: number;

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("prompts", { "hello.yml": PLAYBOOK });
  const content = ["h1", "h2", "h3"].map((h) => `${h} ansible_connection=local ansible_python_interpreter=/usr/bin/python3`).join("\n");
  const [inventory] = await c.db
    .insert(inventories)
    .values({ name: "三台", content, hosts: ["h1", "h2", "h3"], ctime: nowSeconds() })
    .returning();
  const credential = await makeCredential();
  const r = await api("POST", "/api/job/template/", {
    json: {
      name: "问候",
      project: project.id,
      inventory: inventory!.id,
      credential: credential.id,
      playbook: "hello.yml",
      limit: "h1",
      variables: "greeting: from-template",
      ask_limit_on_launch: true,
      ask_variables_on_launch: true,
    },
  });
  expect(r.status, r.text).toBe(201);
  template = r.body.id;
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "prompts-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

async function launch(body: Record<string, unknown>) {
  const r = await api("POST", `/api/job/template/${template}/launch/`, { json: body });
  expect(r.status, r.text).toBe(201);
  const job = await waitForState(r.body.id, undefined, 120_000);
  const out = (await outputOf(job.id)).join("\n");
  expect(job.state, out).toBe("successful");
  return { launched: r.body, out };
}

describe("a prompted launch runs with what was given", () => {
  it("runs the prompted limit and variables; an ignored tag changes nothing", async () => {
    const { launched, out } = await launch({ limit: "h2:h3", variables: "greeting: from-launch", tags: "extra" });
    expect(launched.ignored_fields).toEqual({ tags: "extra" });
    expect(out).toContain('"msg": "hello-from=h2 greeting=from-launch"');
    expect(out).toContain('"msg": "hello-from=h3 greeting=from-launch"');
    expect(out).not.toContain("hello-from=h1");
    expect(out).not.toContain("from-template");
    expect(out).not.toContain("extra-ran");

    const plain = await launch({});
    expect(plain.out).toContain('"msg": "hello-from=h1 greeting=from-template"');
    expect(plain.out).not.toContain("hello-from=h2");
  }, 240_000);
});
