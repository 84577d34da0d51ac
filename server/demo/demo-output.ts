import type { AnsibleEvent } from "@/core/output/host-summary";

/** What a demo job's output is drawn from: its row, and the hosts and tasks its catalog entries name. */
export type DemoRun = {
  id: number;
  kind: "job" | "adhoc";
  state: "successful" | "failed" | "canceled" | "error";
  checkMode: boolean;
  playbook: string;
  module: string;
  args: string;
  hosts: string[];
  /** the playbook's plays and their tasks (none for an ad-hoc command) */
  plays: { name: string; tasks: string[] }[];
  start: number | null;
  finish: number;
};

/** One step of a run as the executor receives it: a line of stdout, or a callback event. */
export type OutputStep = { line: string } | { event: AnsibleEvent };

const GREEN = "\u001b[0;32m";
const YELLOW = "\u001b[0;33m";
const RED = "\u001b[0;31m";
const BRIGHT_RED = "\u001b[1;31m";
const CYAN = "\u001b[0;36m";
const RESET = "\u001b[0m";
const paint = (color: string, text: string) => `${color}${text}${RESET}`;

/** A small deterministic generator per job (mulberry32): a re-seed draws the same output. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ansible's banner: the title padded with stars to 80 columns (a CJK character takes two). */
function banner(title: string): string {
  const width = [...title].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  return `${title} ${"*".repeat(Math.max(3, 79 - width))}`;
}

const FAILURES: [string, string][] = [
  ["/data 使用率 93%，超过 90% 阈值", "Assertion failed"],
  ["non-zero return code", "systemctl restart tomcat: Job for tomcat.service failed because the control process exited with error code."],
  ["Timeout (32s) waiting for privilege escalation prompt: ", ""],
  ["Could not find or access 'files/app.war' on the Ansible Controller.", ""],
  ["Failed to download https://repo.internal/releases/order-service.war: HTTP Error 503: Service Unavailable", ""],
  ["Destination /etc/nginx/conf.d not writable", ""],
  ['nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/app.conf:14', "non-zero return code"],
  ["mysqldump: Got error: 2013: Lost connection to MySQL server during query", "non-zero return code"],
];
const UNREACHABLE = [
  "Failed to connect to the host via ssh: ssh: connect to host {ip} port 22: Connection timed out",
  "Failed to connect to the host via ssh: ssh: connect to host {ip} port 22: No route to host",
  "Failed to connect to the host via ssh: root@{ip}: Permission denied (publickey,password).",
];
const ERRORS = [
  "ERROR! the role 'tomcat' was not found in /var/lib/zuoye/projects/roles",
  "ERROR! couldn't resolve module/action 'community.mysql.mysql_db'. This often indicates a misspelling, missing collection, or incorrect module path.",
  "ERROR! Syntax Error while loading YAML.\n  did not find expected key\n\nThe error appears to be in '/var/lib/zuoye/projects/site.yml': line 14, column 5",
];
const COMMAND_OUTPUT: Record<string, (host: string, r: () => number) => string[]> = {
  "df -h": (_, r) => [
    "Filesystem      Size  Used Avail Use% Mounted on",
    `/dev/vda1        40G   ${12 + Math.floor(r() * 20)}G   ${6 + Math.floor(r() * 10)}G  ${40 + Math.floor(r() * 40)}% /`,
    `/dev/vdb1       500G  ${100 + Math.floor(r() * 300)}G  180G  ${30 + Math.floor(r() * 55)}% /data`,
  ],
  "free -m": (_, r) => [
    "              total        used        free      shared  buff/cache   available",
    `Mem:          15884        ${3000 + Math.floor(r() * 9000)}        1203         402        6120        ${2000 + Math.floor(r() * 6000)}`,
    "Swap:          2047           0        2047",
  ],
  uptime: (_, r) => [
    ` ${10 + Math.floor(r() * 12)}:${String(Math.floor(r() * 60)).padStart(2, "0")}:11 up ${Math.floor(r() * 200)} days,  2 users,  load average: 0.${Math.floor(r() * 99)}, 0.41, 0.38`,
  ],
  hostname: (host) => [host],
  "systemctl status nginx": () => [
    "● nginx.service - The nginx HTTP and reverse proxy server",
    "   Loaded: loaded (/usr/lib/systemd/system/nginx.service; enabled; vendor preset: disabled)",
    "   Active: active (running) since Mon 2026-11-02 09:12:40 CST; 1 months 4 days ago",
  ],
  "tail -n 50 /var/log/messages": (host) => [
    `Dec  6 10:01:01 ${host} systemd: Started Session 1203 of user root.`,
    `Dec  6 10:01:01 ${host} systemd: Removed slice User Slice of root.`,
  ],
  "ls -l /opt/app": () => ["total 8", "drwxr-xr-x 2 app app 4096 Nov 30 14:02 bin", "drwxr-xr-x 3 app app 4096 Nov 30 14:02 lib"],
  "ps aux | grep java": (_, r) => [
    `app       ${10000 + Math.floor(r() * 50000)}  3.1 18.2 8123456 2981234 ?     Sl   Nov30 312:10 /usr/bin/java -Xmx4g -jar /opt/app/order-service.jar`,
  ],
};

type HostPlan = { failAt: number; unreachable: boolean; message: string };

/**
 * The output and events a run of this job would have given: PLAY/TASK banners, one result
 * per host and task, the recap; a failed run fails a task on one host (or finds one
 * unreachable), a canceled run stops midway, an errored one never starts. Event times
 * spread from the job's start to its finish.
 */
export function demoOutput(run: DemoRun): { steps: OutputStep[] } {
  const r = random(run.id * 2654435761);
  const steps: OutputStep[] = [];
  const line = (text: string) => steps.push({ line: text });
  const total = run.finish - (run.start ?? run.finish);
  let tick = 0;
  const event = (e: Omit<AnsibleEvent, "created">) => steps.push({ event: { ...e, created: (run.start ?? run.finish) + Math.floor((total * tick++) / 400) } });
  if (run.start === null) return { steps };
  if (run.state === "error") {
    for (const l of ERRORS[run.id % ERRORS.length]!.split("\n")) line(paint(RED, l));
    return { steps };
  }
  const hosts = run.hosts.length ? run.hosts : ["localhost"];
  const taskCount = run.kind === "adhoc" ? 1 : run.plays.reduce((n, p) => n + p.tasks.length, 0);
  // which host fails (or is unreachable), and at which task
  const plan = new Map<string, HostPlan>();
  if (run.state === "failed") {
    const host = hosts[Math.floor(r() * hosts.length)]!;
    const unreachable = r() < 0.3;
    const failAt = unreachable ? 0 : Math.min(taskCount - 1, Math.floor(r() * taskCount) + (taskCount > 1 ? 1 : 0));
    const [msg] = FAILURES[Math.floor(r() * FAILURES.length)]!;
    plan.set(host, { failAt: unreachable ? 0 : failAt, unreachable, message: unreachable ? unreachableMessage(host, r) : msg });
    if (hosts.length > 2 && r() < 0.25) {
      const other = hosts.find((h) => h !== host)!;
      plan.set(other, { failAt: 0, unreachable: true, message: unreachableMessage(other, r) });
    }
  }
  // a canceled run stops after about half its tasks
  const stopAfter = run.state === "canceled" ? Math.max(0, Math.floor(taskCount / 2)) : Infinity;
  const counts = new Map(hosts.map((h) => [h, { ok: 0, changed: 0, failures: 0, unreachable: 0, skipped: 0, rescued: 0, ignored: 0 }]));
  const down = new Set<string>();

  if (run.kind === "adhoc") {
    event({ event: "playbook_on_play_start", play: "Ansible Ad-Hoc", data: { hosts: hosts } });
    event({ event: "playbook_on_task_start", play: "Ansible Ad-Hoc", task: run.module, data: { action: run.module, uuid: uuid(run.id, 0), path: "" } });
    for (const host of hosts) {
      event({ event: "runner_on_start", play: "Ansible Ad-Hoc", task: run.module, host });
      adhocResult(run, host, plan.get(host), r, line, event, counts.get(host)!);
    }
  } else {
    event({ event: "playbook_on_start", data: { playbook: run.playbook } });
    let index = 0;
    for (const play of run.plays) {
      line("");
      line(banner(`PLAY [${play.name}]`));
      event({ event: "playbook_on_play_start", play: play.name, data: { hosts: ["all"] } });
      for (const [i, task] of play.tasks.entries()) {
        if (index >= stopAfter) break;
        const taskUuid = uuid(run.id, index + 1);
        line("");
        line(banner(`TASK [${task}]`));
        event({
          event: "playbook_on_task_start",
          play: play.name,
          task,
          data: {
            action: task === "ping" ? "ansible.builtin.ping" : "ansible.builtin.debug",
            uuid: taskUuid,
            path: `${run.playbook}:${6 + i * 4}`,
            start_at: task,
            same_name: [],
          },
        });
        for (const host of hosts) {
          if (down.has(host)) continue;
          event({ event: "runner_on_start", play: play.name, task, host });
          const p = plan.get(host);
          const c = counts.get(host)!;
          if (p && p.failAt === index) {
            down.add(host);
            if (p.unreachable) {
              c.unreachable++;
              line(paint(BRIGHT_RED, `fatal: [${host}]: UNREACHABLE! => {"changed": false, "msg": ${JSON.stringify(p.message)}, "unreachable": true}`));
              event({
                event: "runner_on_unreachable",
                play: play.name,
                task,
                host,
                failed: true,
                data: { msg: p.message, unreachable: true, changed: false, task_uuid: taskUuid },
              });
            } else {
              c.failures++;
              line(paint(RED, `fatal: [${host}]: FAILED! => {"changed": false, "msg": ${JSON.stringify(p.message)}}`));
              event({
                event: "runner_on_failed",
                play: play.name,
                task,
                host,
                failed: true,
                data: { msg: p.message, changed: false, ignore_errors: false, task_uuid: taskUuid, rescued: false },
              });
            }
            continue;
          }
          const changed = task !== "ping" && !run.checkMode && r() < 0.4;
          const skipped = task !== "ping" && !changed && r() < 0.08;
          if (skipped) {
            c.skipped++;
            line(paint(CYAN, `skipping: [${host}]`));
            event({ event: "runner_on_skipped", play: play.name, task, host, data: { skip_reason: "Conditional result was False" } });
            continue;
          }
          c.ok++;
          if (changed) c.changed++;
          line(paint(changed ? YELLOW : GREEN, `${changed ? "changed" : "ok"}: [${host}]`));
          event({
            event: "runner_on_ok",
            play: play.name,
            task,
            host,
            changed,
            data: task === "ping" ? { ping: "pong", changed } : { msg: "All assertions passed", changed },
          });
        }
        index++;
        if (down.size === hosts.length) break;
      }
      if (down.size === hosts.length) {
        line("");
        line(paint(RED, "NO MORE HOSTS LEFT *************************************************************"));
        event({ event: "playbook_on_no_hosts_remaining", play: play.name });
      }
    }
  }
  if (run.state === "canceled") return { steps };
  if (run.kind === "job") {
    line("");
    line(banner("PLAY RECAP"));
    for (const host of [...hosts].sort()) line(recapLine(host, counts.get(host)!));
    line("");
  }
  event({ event: "playbook_on_stats", data: { hosts: Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))) } });
  return { steps };
}

function adhocResult(
  run: DemoRun,
  host: string,
  p: HostPlan | undefined,
  r: () => number,
  line: (t: string) => void,
  event: (e: Omit<AnsibleEvent, "created">) => void,
  c: { ok: number; changed: number; failures: number; unreachable: number },
): void {
  const base = { play: "Ansible Ad-Hoc", task: run.module, host };
  if (p?.unreachable) {
    c.unreachable++;
    for (const l of [`${host} | UNREACHABLE! => {`, '    "changed": false,', `    "msg": ${JSON.stringify(p.message)},`, '    "unreachable": true', "}"])
      line(paint(BRIGHT_RED, l));
    event({ ...base, event: "runner_on_unreachable", failed: true, data: { msg: p.message, unreachable: true, changed: false, task_uuid: uuid(run.id, 0) } });
    return;
  }
  if (p) {
    c.failures++;
    const stderr = p.message;
    line(paint(RED, `${host} | FAILED | rc=1 >>`));
    line(paint(RED, `${stderr}non-zero return code`));
    event({
      ...base,
      event: "runner_on_failed",
      failed: true,
      data: { msg: "non-zero return code", stderr, rc: 1, changed: true, ignore_errors: false, task_uuid: uuid(run.id, 0), rescued: false },
    });
    return;
  }
  c.ok++;
  if (run.module === "ping") {
    for (const l of [`${host} | SUCCESS => {`, '    "changed": false,', '    "ping": "pong"', "}"]) line(paint(GREEN, l));
    event({ ...base, event: "runner_on_ok", data: { ping: "pong", changed: false } });
    return;
  }
  if (run.module === "setup") {
    for (const l of [
      `${host} | SUCCESS => {`,
      '    "ansible_facts": {',
      '        "ansible_distribution": "Rocky",',
      '        "ansible_distribution_version": "9.4"',
      "    },",
      '    "changed": false',
      "}",
    ])
      line(paint(GREEN, l));
    event({ ...base, event: "runner_on_ok", data: { changed: false } });
    return;
  }
  c.changed++;
  if (run.module === "copy") {
    line(paint(YELLOW, `${host} | CHANGED => {`));
    for (const l of ['    "changed": true,', '    "dest": "/tmp/hosts.bak",', '    "mode": "0644",', '    "size": 158', "}"]) line(paint(YELLOW, l));
    event({ ...base, event: "runner_on_ok", changed: true, data: { changed: true, dest: "/tmp/hosts.bak" } });
    return;
  }
  const out = (COMMAND_OUTPUT[run.args] ?? (() => ["done"]))(host, r);
  line(paint(YELLOW, `${host} | CHANGED | rc=0 >>`));
  for (const l of out) line(l);
  event({ ...base, event: "runner_on_ok", changed: true, data: { rc: 0, stdout: out.join("\n"), changed: true } });
}

function unreachableMessage(host: string, r: () => number): string {
  const ip = `10.0.${1 + (host.length % 8)}.${10 + Math.floor(r() * 200)}`;
  return UNREACHABLE[Math.floor(r() * UNREACHABLE.length)]!.replace("{ip}", ip);
}

function recapLine(
  host: string,
  c: { ok: number; changed: number; unreachable: number; failures: number; skipped: number; rescued: number; ignored: number },
): string {
  const color = c.unreachable ? BRIGHT_RED : c.failures ? RED : c.changed ? YELLOW : GREEN;
  const field = (name: string, n: number, on: string) => {
    const text = `${name}=${n}`;
    return `${n ? paint(on, text) : text}${" ".repeat(Math.max(1, name.length + 5 - text.length))}`;
  };
  const fields = [
    field("ok", c.ok, GREEN),
    field("changed", c.changed, YELLOW),
    field("unreachable", c.unreachable, BRIGHT_RED),
    field("failed", c.failures, RED),
    field("skipped", c.skipped, CYAN),
    field("rescued", c.rescued, GREEN),
    field("ignored", c.ignored, CYAN),
  ];
  return `${paint(color, host.padEnd(26))} : ${fields.join("")}`.trimEnd();
}

/** A stable task uuid per job and task, in Ansible's shape. */
const uuid = (job: number, task: number) => `5254${job.toString(16).padStart(8, "0")}-0000-${task.toString(16).padStart(4, "0")}-0000-00000000000${task % 10}`;
