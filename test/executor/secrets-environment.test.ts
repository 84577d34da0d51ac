import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExecutor, type Executor } from "@/executor/start-executor";
import { api, ctx } from "../api";
import { makeCredential, makeLocalInventory, makeProject, outputOf, waitForState } from "./helpers";
import { secretsIn, tablesContaining } from "./secret-scan";

/**
 * Issue 5, item 6: Ansible runs with a clean environment. The server's own secrets —
 * the database URL, SECRET_KEY, ADMIN_PASSWORD, an API token a script gave it — are set
 * in this process, where the executor runs, and a playbook that prints its environment
 * every way it can sees none of them. (run-local.test.ts shows the same for a variable
 * of no meaning; this is about the ones that matter.)
 */
const rand = () => crypto.randomBytes(12).toString("hex");
const server: Record<string, string> = {
  SECRET_KEY: `secret-key-${rand()}`,
  ADMIN_PASSWORD: `admin-pw-${rand()}`,
};
// read by the app's configuration when the context opens below
process.env.SECRET_KEY = server.SECRET_KEY;
process.env.ADMIN_PASSWORD = server.ADMIN_PASSWORD;

const ENV_YML = `- hosts: all
  gather_facts: false
  tasks:
    - name: the server's variables by name
      ansible.builtin.debug:
        msg: >-
          db={{ lookup('env', 'DATABASE_URL') }} key={{ lookup('env', 'SECRET_KEY') }}
          admin={{ lookup('env', 'ADMIN_PASSWORD') }} token={{ lookup('env', 'ZUOYE_API_TOKEN') }}
    - name: the whole environment
      ansible.builtin.debug: { msg: "pipe={{ lookup('pipe', 'env') }}" }
    - name: the environment of a command on the host
      ansible.builtin.command: env
`;

let executor: Executor;
let refs: { project: number; inventory: number; credential: number };
const saved = { DATABASE_URL: process.env.DATABASE_URL, ZUOYE_API_TOKEN: process.env.ZUOYE_API_TOKEN };

beforeAll(async () => {
  const c = await ctx();
  expect(c.config.secretKey).toBe(server.SECRET_KEY);
  // With PostgreSQL (TEST_DATABASE_URL) DATABASE_URL is this test's real database; with the
  // embedded one it is unset, so it gets a value of its own now that the database is open.
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = `postgres://zuoye:${rand()}@127.0.0.1:5432/zuoye_${rand()}`;
  server.DATABASE_URL = process.env.DATABASE_URL;
  const token = await api("POST", "/api/auth/tokens/", { json: { name: "a script's token" } });
  expect(token.status).toBe(201);
  server["the admin's API token"] = token.body.key;
  process.env.ZUOYE_API_TOKEN = token.body.key;
  refs = {
    project: (await makeProject("environment", { "env.yml": ENV_YML })).id,
    inventory: (await makeLocalInventory()).id,
    credential: (await makeCredential()).id,
  };
  executor = await startExecutor(c.database, { ...c.config, workerCapacity: 1, workerId: "environment-worker" });
}, 60_000);

afterAll(async () => {
  await executor?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("the executor's environment", () => {
  it("holds none of the server's secrets: not by name, not in `env`, not on the host", async () => {
    for (const v of Object.values(server)) expect(v.length).toBeGreaterThan(20);
    const r = await api("POST", "/api/job/job/", { json: { ...refs, playbook: "env.yml", verbosity: 4 } });
    expect(r.status, r.text).toBe(201);
    const job = await waitForState(r.body.id);
    const out = (await outputOf(job.id)).join("\n");
    expect(job.state).toBe("successful");
    // findings name the variable, never print its value (so this comes first)
    expect(secretsIn(out, server)).toEqual([]);
    // each way of looking printed something: the lookups ran
    expect(out).toMatch(/db= key=\s+admin= token=/);
    expect(out).toContain("pipe=");
    expect(out).toContain("LC_ALL=C.UTF-8");
    expect(out).toContain("PYTHONUNBUFFERED=1");
    const { db } = await ctx();
    expect((await tablesContaining(db, server)).found).toEqual([]);
  }, 60_000);
});
