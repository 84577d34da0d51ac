import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { dbSnapshot, importBody, makeCatalog } from "../fixtures";

beforeEach(resetDb);

const FILE = "limit 不能包含 @（不允许从文件读取主机）。";
const OPTION = "limit 不能以 - 开头。";

/** Every way to name a file in a limit that Ansible reads, and option-shaped patterns. */
const BAD: [string, string][] = [
  ["@/etc/hosts", FILE],
  ["localhost,@/data/secret.key", FILE],
  ["localhost, @/data/secret.key", FILE],
  ["localhost:@/data/secret.key", FILE],
  ["web:!@/data/secret.key", FILE],
  ["web:&@/data/secret.key", FILE],
  ["web,!@x", FILE],
  ["--version", OPTION],
  ["-i /etc/passwd", OPTION],
];

describe("limit: one rule for jobs, templates, schedules and relaunches", () => {
  it("refuses a file or an option in a job POST, a launch, a PATCH of a new job and a relaunch", async () => {
    const c = await makeCatalog();
    const finished = (await api("POST", "/api/job/job/", { json: importBody({ template: c.template.id }) })).body;
    const pending = (await api("POST", "/api/job/job/", { json: { template: c.template.id } })).body;
    expect(pending.state).toBe("new");
    expect((await api("PATCH", `/api/job/template/${c.template.id}/`, { json: { ask_limit_on_launch: true } })).status).toBe(200);
    const before = await dbSnapshot();
    for (const [limit, message] of BAD) {
      const calls = [
        api("POST", "/api/job/job/", { json: { template: c.template.id, limit } }),
        api("POST", "/api/job/job/", { json: { kind: "adhoc", module: "ping", credential: c.credential.id, inventory: c.inventory.id, limit } }),
        api("POST", `/api/job/template/${c.template.id}/launch/`, { json: { limit } }),
        api("PATCH", `/api/job/job/${pending.id}/`, { json: { limit } }),
        api("POST", `/api/job/job/${finished.id}/relaunch/`, { json: { limit } }),
        api("POST", `/api/job/job/${finished.id}/relaunch/`, { form: { limit } }),
      ];
      for (const r of await Promise.all(calls)) {
        expect(r.status, limit).toBe(400);
        expect(r.body, limit).toEqual({ limit: [message] });
      }
    }
    expect(await dbSnapshot()).toEqual(before);
  }, 60_000);

  it("refuses them in a template and a schedule, on create and on update", async () => {
    const c = await makeCatalog();
    const before = await dbSnapshot();
    for (const [limit, message] of BAD) {
      const calls = [
        api("POST", "/api/job/template/", { json: { name: "t", project: c.project.id, playbook: "main.yml", limit } }),
        api("PATCH", `/api/job/template/${c.template.id}/`, { json: { limit } }),
        api("POST", "/api/job/schedule/", { json: { name: "s", template: c.template.id, cron: "0 1 * * *", limit } }),
        api("PATCH", `/api/job/schedule/${c.schedule.id}/`, { json: { limit } }),
      ];
      for (const r of await Promise.all(calls)) {
        expect(r.status, limit).toBe(400);
        expect(r.body, limit).toEqual({ limit: [message] });
      }
    }
    expect(await dbSnapshot()).toEqual(before);
  }, 60_000);

  it("refuses a relaunch of an imported job whose limit names a file", async () => {
    const c = await makeCatalog();
    // a history import records what ran elsewhere, as it was: it is never executed
    const imported = await api("POST", "/api/job/job/", { json: importBody({ template: c.template.id, limit: "web,@hosts.txt" }) });
    expect(imported.status).toBe(201);
    const r = await api("POST", `/api/job/job/${imported.body.id}/relaunch/`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ limit: [FILE] });
  }, 60_000);

  it("keeps accepting ordinary patterns", async () => {
    const c = await makeCatalog();
    for (const limit of ["web", "web:&db:!old", "web[0:9],db*", "~web\\d+", "10.0.0.1,10.0.0.2", "[fe80::1]:22", "all:!x-y"]) {
      const r = await api("POST", "/api/job/job/", { json: { template: c.template.id, limit } });
      expect(r.status, `${limit}: ${JSON.stringify(r.body)}`).toBe(201);
    }
  }, 60_000);
});
