import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startNext, type NextProcess } from "../http/next-process";
import { processesWith } from "./helpers";
import { filesContaining } from "./secret-scan";

/**
 * The executor killed with SIGKILL mid-job (the embedded server, which runs it): nothing
 * the job started lives on, and no plaintext secret or job directory outlives the job —
 * the next start ends the job and removes what it left. With SANDBOX=off the secret
 * files were on the disk when the kill came (checked), so only the clean-up removes them.
 */
const ADMIN_PASSWORD = "kill-restart-Admin-Pw1";
const secrets = { password: "Kill-Conn-Pass-5150", become: "Kill-Become-Pass-6160" };
let server: NextProcess | undefined;

afterEach(async () => {
  await server?.kill9();
  server = undefined;
});

async function call(s: NextProcess, method: string, p: string, body?: unknown) {
  const r = await fetch(`${s.base}${p}`, {
    method,
    headers: { authorization: `Token ${s.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

async function until<T>(what: () => Promise<T | undefined> | T | undefined, ms: number, why: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${why()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(["on", "off"] as const)("kill -9 of the executor mid-job, SANDBOX=%s", (sandbox) => {
  it("leaves no process; the restart ends the job and leaves no secret or job directory on disk", async () => {
    const dataDir = path.join(process.env.DATA_DIR!, `kill-${sandbox}`);
    const marker = sandbox === "on" ? "81.8181" : "82.8282";
    fs.mkdirSync(path.join(dataDir, "projects", "kill"), { recursive: true });
    fs.writeFileSync(
      path.join(dataDir, "projects", "kill", "sleep.yml"),
      `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.command: sleep ${marker}\n`,
    );
    const env = {
      DATA_DIR: dataDir,
      SANDBOX: sandbox,
      EXECUTOR: "inline",
      WORKER_ID: `kill-${sandbox}`,
      DEMO_DATA: "0",
      ADMIN_USERNAME: "admin",
      ADMIN_PASSWORD,
    };
    server = await startNext(env);
    const s = server;
    const inventory = await call(s, "POST", "/api/job/inventory/", {
      name: "local",
      content: "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3",
    });
    const credential = await call(s, "POST", "/api/job/credential/", { name: "c", password: secrets.password, become_password: secrets.become });
    const project = await call(s, "POST", "/api/job/project/", { name: "kill", scm_type: "manual", local_path: "kill" });
    for (const r of [inventory, credential, project]) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const job = await call(s, "POST", "/api/job/job/", {
      project: project.body.id,
      playbook: "sleep.yml",
      inventory: inventory.body.id,
      credential: credential.body.id,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);
    await until(() => processesWith(marker).length > 0, 60_000, s.log);

    const runDir = path.join(dataDir, "run");
    const onDisk = filesContaining(runDir, secrets).found;
    if (sandbox === "off") expect(onDisk.length, "without the sandbox the secret files are on the disk").toBeGreaterThan(0);
    else expect(onDisk).toEqual([]);
    expect(fs.readdirSync(runDir).filter((d) => d.startsWith(`job-${job.body.id}-`))).toHaveLength(1);

    await s.kill9();
    server = undefined;
    await until(
      () => processesWith(marker).length === 0,
      10_000,
      () => `left: ${processesWith(marker).join(", ")}`,
    );

    server = await startNext(env);
    const again = server;
    const ended = await until(
      async () => {
        const r = await call(again, "GET", `/api/job/job/${job.body.id}/`);
        return ["error", "failed", "canceled", "successful"].includes(r.body.state) ? r.body : undefined;
      },
      60_000,
      again.log,
    );
    expect(ended.state).toBe("error");
    await until(
      () => fs.readdirSync(runDir).length === 0,
      30_000,
      () => fs.readdirSync(runDir).join(", "),
    );
    const scan = filesContaining(dataDir, secrets);
    expect(scan.files).toBeGreaterThan(0);
    expect(scan.found).toEqual([]);
    expect(processesWith(marker)).toEqual([]);

    // every page says when jobs run without the sandbox
    const login = await fetch(`${again.base}/api/auth/login/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = await (await fetch(`${again.base}/jobs`, { headers: { cookie } })).text();
    expect(page).toContain("作业历史");
    if (sandbox === "off") expect(page).toContain("沙箱已关闭（SANDBOX=off）");
    else expect(page).not.toContain("sandbox-warning");
  }, 240_000);
});
