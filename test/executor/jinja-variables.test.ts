import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { rerunBody } from "@/lib/jobs/rerun";
import type { Config } from "@/core/config";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";

/** Prints `v` and a value deep inside `n`; `id`'s output (uid=…) shows that Jinja ran. */
const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.debug:
        msg: "v=[{{ v | default('') }}] deep=[{{ n.a[0].b | default('') }}]"
`;
const JINJA = "{{ lookup('pipe', 'id') }}";

let executor: Executor | undefined;
let refs: { project: number; inventory: number; credential: number };
let marker: string;

async function useExecutor(mode: Config["jinjaInVariables"]) {
  await executor?.stop();
  const c = await ctx();
  executor = await startExecutor(c.database, { ...c.config, jinjaInVariables: mode, workerCapacity: 2, workerId: `jinja-${mode}` });
}

beforeAll(async () => {
  const c = await ctx();
  const project = await makeProject("jinja", { "show.yml": PLAYBOOK });
  refs = { project: project.id, inventory: (await makeLocalInventory()).id, credential: (await makeCredential()).id };
  marker = path.join(c.config.dataDir, "jinja-ran");
  await useExecutor("template");
}, 60_000);

afterAll(async () => {
  await executor?.stop();
});

async function template(variables: string): Promise<number> {
  const r = await api("POST", "/api/job/template/", {
    // launches may set variables (`ask_variables_on_launch`), as the override tests need
    json: { name: `t${Math.random()}`, ...refs, playbook: "show.yml", variables, ask_variables_on_launch: true },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** Waits for the job and answers what its debug task printed, and whether the marker file appeared. */
async function printed(id: number): Promise<string> {
  const job = await waitForState(id);
  const out = await outputOf(id);
  expect(job.state, out.join("\n")).toBe("successful");
  const line = out.find((l) => l.includes('"msg": "v=['));
  expect(line, out.join("\n")).toBeDefined();
  return line!;
}

const rendered = (line: string) => expect(line).toMatch(/v=\[uid=\d+/);
const literal = (line: string) => expect(line).toContain(`v=[${JINJA}]`);

describe("Jinja in variables: the template's render, launch-time ones are literal (JINJA_IN_VARIABLES=template)", () => {
  it("prints variables sent to POST /api/job/job/ literally, at any depth, and runs none of their lookups", async () => {
    const variables = JSON.stringify({ v: JINJA, n: { a: [{ b: `{{ lookup('pipe', 'touch ${marker}') }}` }] } });
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "show.yml", variables } });
    const line = await printed(r.body.id);
    literal(line);
    expect(line).toContain(`deep=[{{ lookup('pipe', 'touch ${marker}') }}]`);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.body.variables_trusted).toBe(0);
  }, 60_000);

  it("renders the template's own variables, and a plain re-run renders them as the original did", async () => {
    const t = await template(`v: "${JINJA}"`);
    const launched = await api("POST", `/api/job/template/${t}/launch/`);
    expect(launched.body.variables_trusted).toBe(1);
    rendered(await printed(launched.body.id));

    // the UI's re-run POSTs a copy of the job with `job` = its id
    const copy = await api("POST", "/api/job/job/", { json: rerunBody(launched.body) });
    expect(copy.body).toMatchObject({ job: launched.body.id, variables_trusted: 1 });
    rendered(await printed(copy.body.id));

    const relaunch = await api("POST", `/api/job/job/${launched.body.id}/relaunch/`);
    expect(relaunch.body.variables_trusted).toBe(1);
    rendered(await printed(relaunch.body.id));

    // a re-run of a re-run is still faithful, even after the template changed
    await api("PATCH", `/api/job/template/${t}/`, { json: { variables: "v: changed" } });
    const again = await api("POST", "/api/job/job/", { json: rerunBody(copy.body) });
    expect(again.body.variables_trusted).toBe(1);
    rendered(await printed(again.body.id));
  }, 120_000);

  it("prints launch-time overrides and edited re-runs literally", async () => {
    const t = await template("v: plain");
    const override = await api("POST", `/api/job/template/${t}/launch/`, { json: { variables: `v: "${JINJA}"` } });
    expect(override.body.variables_trusted).toBe(0);
    literal(await printed(override.body.id));

    const trusted = await api("POST", `/api/job/template/${t}/launch/`);
    const edited = await api("POST", "/api/job/job/", { json: rerunBody(trusted.body, { variables: `v: "${JINJA}"` }) });
    expect(edited.body.variables_trusted).toBe(0);
    literal(await printed(edited.body.id));

    const relaunched = await api("POST", `/api/job/job/${trusted.body.id}/relaunch/`, { json: { variables: `v: "${JINJA}"` } });
    expect(relaunched.body.variables_trusted).toBe(0);
    literal(await printed(relaunched.body.id));

    // and a plain re-run of an untrusted job stays untrusted
    const rerun = await api("POST", `/api/job/job/${edited.body.id}/relaunch/`);
    expect(rerun.body.variables_trusted).toBe(0);
    literal(await printed(rerun.body.id));
  }, 120_000);

  it("treats a schedule's variables as launch-supplied unless they equal the template's", async () => {
    const t = await template(`v: "${JINJA}"`);
    const own = await api("POST", "/api/job/schedule/", { json: { name: "s1", template: t, cron: "0 1 * * *" } });
    const same = await api("POST", "/api/job/schedule/", { json: { name: "s2", template: t, cron: "0 1 * * *", variables: `v: "${JINJA}"` } });
    const other = await api("POST", "/api/job/schedule/", { json: { name: "s3", template: t, cron: "0 1 * * *", variables: `v: "${JINJA} "` } });
    const runs = await Promise.all([own, same, other].map((s) => api("POST", `/api/job/schedule/${s.body.id}/launch/`)));
    expect(runs.map((r) => r.body.variables_trusted)).toEqual([1, 1, 0]);
    rendered(await printed(runs[0]!.body.id));
    rendered(await printed(runs[1]!.body.id));
    expect(await printed(runs[2]!.body.id)).toContain(`v=[${JINJA} ]`);
  }, 120_000);

  it("recomputes trust when a PATCH changes a job's variables", async () => {
    const t = await template(`v: "${JINJA}"`);
    // an imported run never executes: PATCH it, then re-run it
    const imported = await api("POST", "/api/job/job/", { json: { template: t, state: "successful", start_time: 1, finish_time: 2 } });
    expect(imported.body.variables_trusted).toBe(1);
    const patched = await api("PATCH", `/api/job/job/${imported.body.id}/`, { json: { variables: `v: "${JINJA}"\nw: 1` } });
    expect(patched.body.variables_trusted).toBe(0);
    const rerun = await api("POST", `/api/job/job/${imported.body.id}/relaunch/`);
    expect(rerun.body.variables_trusted).toBe(0);
    literal(await printed(rerun.body.id));
  }, 60_000);
});

describe("JINJA_IN_VARIABLES=always and never", () => {
  it("always renders every job's variables", async () => {
    await useExecutor("always");
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "show.yml", variables: `v: "${JINJA}"` } });
    expect(r.body.variables_trusted).toBe(0);
    rendered(await printed(r.body.id));
  }, 60_000);

  it("never renders any, not even the template's", async () => {
    await useExecutor("never");
    const t = await template(`v: "${JINJA}"`);
    const r = await api("POST", `/api/job/template/${t}/launch/`);
    expect(r.body.variables_trusted).toBe(1);
    literal(await printed(r.body.id));
  }, 60_000);
});
