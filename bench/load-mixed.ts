/**
 * `npm run bench:load`: many people using the app while jobs run, as issue 15 measures it.
 *   - the built app (`next start`) on the embedded database (its executor inside the web
 *     process) or on PostgreSQL (a fresh database, one `npm run worker` beside it), with
 *     the demo data
 *   - JOBS real Ansible jobs (local connection) printing a few lines every ~0.05 s
 *   - CLIENTS loops at once, each request picked at random: a job list (the default page
 *     or a filter), a job's detail, a window of a job's output, the newest lines of a
 *     running job (as the live view's catch-up read)
 * Prints per kind of request p50/p95/p99/max, how many took over 1 s, requests per
 * second and the load average.
 *
 *   npm run bench:load [-- --db embedded|postgres|both] [-- --clients 30] [-- --seconds 60] [-- --jobs 4]
 *
 * PostgreSQL: BENCH_LOAD_DATABASE_URL (default zuoye_bench_load on 127.0.0.1), dropped at the end.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { percentile } from "./load";
import { buildIfStale, freePort, startServer, waitForApi } from "./server";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    clients: { type: "string", default: "30" },
    seconds: { type: "string", default: "60" },
    jobs: { type: "string", default: "4" },
    build: { type: "boolean", default: false },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const JOBS = Number(args.jobs);
const WARM_MS = 10_000;
const PG_URL = process.env.BENCH_LOAD_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/zuoye_bench_load";
const PASSWORD = "bench-load-password";
// a line or three every ~0.05 s, for longer than a run lasts
const PLAYBOOK = `- hosts: all
  gather_facts: false
  tasks:
    - name: tick
      ansible.builtin.debug:
        msg: "tick {{ item }}"
      loop: "{{ range(0, 20000) | list }}"
      loop_control:
        pause: 0.05
`;

type Kind = "list" | "detail" | "output" | "live";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function adminDb(create: boolean): Promise<void> {
  const u = new URL(PG_URL);
  if (!["127.0.0.1", "localhost"].includes(u.hostname)) throw new Error("the benchmark only talks to 127.0.0.1");
  const name = u.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    if (create) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** `npm run worker` on the same database and data folder: PostgreSQL mode's executor. */
function startWorker(env: Record<string, string>): { stop: () => Promise<void> } {
  const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/worker.ts"], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function call(base: string, auth: Record<string, string>, method: string, url: string, body?: unknown) {
  const r = await fetch(base + url, {
    method,
    headers: { ...auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function run(mode: "embedded" | "postgres"): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zuoye-bench-load-${mode}-`));
  fs.mkdirSync(path.join(dataDir, "projects", "bench"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "projects", "bench", "ticks.yml"), PLAYBOOK);
  const env: Record<string, string> = { DATA_DIR: dataDir, DEMO_DATA: "1", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: PASSWORD, NEXT_TELEMETRY_DISABLED: "1" };
  if (mode === "postgres") {
    await adminDb(true);
    env.DATABASE_URL = PG_URL;
  } else delete process.env.DATABASE_URL;
  const port = await freePort(3480);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(env, port);
  let worker: { stop: () => Promise<void> } | undefined;
  const running: number[] = [];
  let auth: Record<string, string> = {};
  try {
    await waitForApi(server);
    if (mode === "postgres") worker = startWorker({ ...env, WORKER_ID: "bench-load" });
    const login = await fetch(`${base}/api/auth/token/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    auth = { authorization: `Token ${((await login.json()) as { token: string }).token}` };
    const inventory = await call(base, auth, "POST", "/api/job/inventory/", {
      name: "bench local",
      content: "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3",
    });
    const credential = await call(base, auth, "POST", "/api/job/credential/", { name: "bench none" });
    const project = await call(base, auth, "POST", "/api/job/project/", { name: "bench", scm_type: "manual", local_path: "bench" });
    for (let i = 0; i < JOBS; i++) {
      const job = await call(base, auth, "POST", "/api/job/job/", {
        project: project.id,
        playbook: "ticks.yml",
        inventory: inventory.id,
        credential: credential.id,
      });
      running.push(job.id as number);
    }
    // every job printing before anything is measured
    for (const id of running) {
      const end = Date.now() + 120_000;
      while (((await call(base, auth, "GET", `/api/job/job/${id}/lines/?start=1&limit=1`)).total as number) < 20) {
        if (Date.now() > end) throw new Error(`job ${id} printed nothing in 120 s: ${server.log().slice(-2000)}`);
        await sleep(250);
      }
    }
    const listed = (await call(base, auth, "GET", "/api/job/job/?limit=200")).results as { id: number; template: number | null }[];
    const ids = listed.map((j) => j.id);
    const template = listed.find((j) => j.template !== null)?.template ?? 1;
    const lists = ["", "state=failed", "ordering=-start_time", `template=${template}`, "kind=adhoc", "offset=40", "state__in=failed,error"];
    const withOutput = [...running, ...ids.slice(0, 40)];
    const request = (kind: Kind): string => {
      if (kind === "list") return `/api/job/job/?${pick(lists)}`;
      if (kind === "detail") return `/api/job/job/${pick(ids)}/`;
      if (kind === "output") return `/api/job/job/${pick(withOutput)}/lines/?start=1&limit=500`;
      const id = pick(running);
      return `/api/job/job/${id}/lines/?start=${Math.max(1, (printed.get(id) ?? 1) - 50)}&limit=100`;
    };
    // the running jobs' line counts, as the live view knows them from its last read
    const printed = new Map<number, number>();
    const kinds: Kind[] = ["list", "list", "list", "detail", "detail", "output", "output", "live"];

    const times = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
    const errors: string[] = [];
    let recording = false;
    let stop = false;
    const loads: number[] = [];
    const client = async () => {
      while (!stop) {
        const kind = pick(kinds);
        const url = request(kind);
        const s = performance.now();
        const r = await fetch(base + url, { headers: auth }).catch((e: Error) => ({ status: 0, text: async () => e.message }));
        const body = await r.text();
        const ms = performance.now() - s;
        if (r.status !== 200) {
          errors.push(`${r.status} ${url} ${body.slice(0, 120)}`);
          continue;
        }
        if (kind === "live") printed.set(Number(url.split("/")[4]), (JSON.parse(body) as { total: number }).total);
        if (recording) times.get(kind)!.push(ms);
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    await sleep(WARM_MS);
    recording = true;
    const started = performance.now();
    const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 2_000);
    await sleep(SECONDS * 1000);
    recording = false;
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    stop = true;
    await Promise.all(clients);

    const all: number[] = [];
    console.log(
      `\n### ${mode === "embedded" ? "Embedded PGlite" : "PostgreSQL"}: ${CLIENTS} clients, ${JOBS} jobs running, ${SECONDS} s — ` +
        `${os.cpus().length} cores, load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}\n`,
    );
    console.log("| request | n | p50 | p95 | p99 | max | over 1 s |\n|---|---|---|---|---|---|---|");
    const row = (name: string, lat: number[]) => {
      const s = [...lat].sort((a, b) => a - b);
      const over = s.filter((x) => x > 1000).length;
      const f = (x: number) => `${x.toFixed(0)} ms`;
      console.log(
        `| ${name} | ${s.length} | ${f(percentile(s, 50))} | ${f(percentile(s, 95))} | ${f(percentile(s, 99))} | ${f(s.at(-1) ?? 0)} | ${over} (${((100 * over) / Math.max(1, s.length)).toFixed(1)} %) |`,
      );
    };
    for (const [kind, lat] of times) {
      row(kind, lat);
      all.push(...lat);
    }
    row("all", all);
    console.log(
      `\n${(all.length / elapsed).toFixed(0)} requests/s; ${errors.length} errors${errors.length ? `: ${[...new Set(errors)].slice(0, 5).join("; ")}` : ""}`,
    );
  } finally {
    for (const id of running) await fetch(`${base}/api/job/job/${id}/cancel/`, { method: "POST", headers: auth }).catch(() => {});
    await worker?.stop();
    await server.stop();
    if (mode === "postgres") await adminDb(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  buildIfStale(args.build!);
  const modes = args.db === "both" ? (["embedded", "postgres"] as const) : [args.db as "embedded" | "postgres"];
  for (const mode of modes) await run(mode);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
