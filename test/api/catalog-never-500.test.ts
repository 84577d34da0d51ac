import { beforeAll, describe, expect, it } from "vitest";
import { askFlag, JOB_INPUT_FIELDS, PROMPT_KEYS } from "@/lib/contracts/job";
import { CREDENTIAL_FIELDS } from "@/server/credentials/credential-fields";
import { INVENTORY_FIELDS } from "@/server/inventories/inventory-fields";
import { PROJECT_FIELDS } from "@/server/projects/project-fields";
import { SCHEDULE_FIELDS } from "@/server/schedules/schedule-fields";
import { TEMPLATE_FIELDS } from "@/server/templates/template-fields";
import { api } from "../api";
import { makeProjectDir, PLAYBOOK } from "../project-folders";

const ODD_VALUES: unknown[] = [
  null,
  [],
  {},
  [1, 2],
  { a: 1 },
  true,
  false,
  -1,
  0,
  1e20,
  2 ** 31,
  1.5,
  "",
  " ",
  "x".repeat(300_000),
  "💥",
  "1; drop table projects",
  "\u0000",
  "a\u0000b",
  "-0",
  "NaN",
  "../..",
  "/etc",
  "$encrypted$",
  "a: " + "{".repeat(50_000),
  "- ".repeat(100_000) + "a",
  "[x]\nh k" + "\n".repeat(50_000) + "y",
  "h[0:99999999]",
];

/** Form bodies only carry strings: the ones whose form reading differs from JSON's. */
const FORM_VALUES: unknown[] = ["", " ", "\u0000", "x".repeat(300_000), "$encrypted$", "../.."];

let ids: Record<string, number>;

beforeAll(async () => {
  makeProjectDir("odd", { "main.yml": PLAYBOOK });
  const project = await api("POST", "/api/job/project/", { json: { name: "p", local_path: "odd" } });
  const inventory = await api("POST", "/api/job/inventory/", { json: { name: "i", content: "localhost" } });
  const credential = await api("POST", "/api/job/credential/", { json: { name: "c" } });
  const template = await api("POST", "/api/job/template/", {
    json: { name: "t", project: project.body.id, inventory: inventory.body.id, credential: credential.body.id, playbook: "main.yml" },
  });
  const schedule = await api("POST", "/api/job/schedule/", { json: { name: "s", template: template.body.id, cron: "0 2 * * *" } });
  ids = { project: project.body.id, inventory: inventory.body.id, credential: credential.body.id, template: template.body.id, schedule: schedule.body.id };
});

const RESOURCES = [
  ["project", PROJECT_FIELDS, () => ({ name: "p", local_path: "odd" })],
  ["inventory", INVENTORY_FIELDS, () => ({ name: "i" })],
  ["credential", CREDENTIAL_FIELDS, () => ({ name: "c" })],
  ["template", TEMPLATE_FIELDS, () => ({ name: "t", project: ids.project })],
  ["schedule", SCHEDULE_FIELDS, () => ({ name: "s", template: ids.template, cron: "0 2 * * *" })],
] as const;

/**
 * Every writable key, with every odd value, on create and on update: a 2xx or a 4xx, never
 * a 500. One test per resource and key, so none nears its time limit on a loaded machine.
 */
describe.each(RESOURCES)("no input to /api/job/%s/ produces a 500", (resource, fields, base) => {
  it.each(Object.keys(fields))("POST and PATCH of %s, JSON and form", async (key) => {
    for (const value of ODD_VALUES) {
      const label = `${resource} ${key}=${JSON.stringify(value)?.slice(0, 30)}`;
      const create = await api("POST", `/api/job/${resource}/`, { json: { ...base(), [key]: value } });
      expect([201, 400], `POST ${label}`).toContain(create.status);
      const patch = await api("PATCH", `/api/job/${resource}/${ids[resource]}/`, { json: { [key]: value } });
      expect([200, 400], `PATCH ${label}`).toContain(patch.status);
      if (FORM_VALUES.includes(value)) {
        const form = await api("POST", `/api/job/${resource}/`, { form: { ...base(), [key]: value } as Record<string, string> });
        expect([201, 400], `form ${label}`).toContain(form.status);
      }
    }
  });

  it("on list queries and odd ids", async () => {
    const params = ["name", "search", "ordering", "limit", "offset", "project", "inventory", "credential", "template"];
    const values = ["", "abc", "-1", "99999999999999999999", "1.5", "%00", "💥", ",,,", "-", "\u0000", "a\u0000b", "%", "_", "\\"];
    for (const p of params) {
      for (const v of values) {
        const r = await api("GET", `/api/job/${resource}/?${p}=${encodeURIComponent(v)}`);
        expect([200, 400], `${resource} ${p}=${v}`).toContain(r.status);
      }
    }
    for (const id of ["0", "00", "2147483648", "99999999999999", "%20", "1e3", "-1"]) {
      for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
        expect((await api(method, `/api/job/${resource}/${id}/`, method === "GET" ? {} : { json: {} })).status, `${method} ${resource} ${id}`).toBe(404);
      }
    }
  });
});

describe("no launch override produces a 500", () => {
  // every key a launch may set is parsed: the template asks for all of them
  beforeAll(async () => {
    const r = await api("PATCH", `/api/job/template/${ids.template}/`, { json: Object.fromEntries(PROMPT_KEYS.map((k) => [askFlag(k), true])) });
    expect(r.status).toBe(200);
  });

  it.each(Object.keys(JOB_INPUT_FIELDS))("%s", async (key) => {
    for (const value of ODD_VALUES) {
      const r = await api("POST", `/api/job/template/${ids.template}/launch/`, { json: { [key]: value } });
      expect([201, 400, 403], `launch ${key}=${JSON.stringify(value)?.slice(0, 30)}`).toContain(r.status);
    }
  });

  it("odd bodies", async () => {
    for (const body of ["", "null", "1", '"x"', "[]", "{", '{"a":}']) {
      const r = await api("POST", `/api/job/template/${ids.template}/launch/`, { raw: { contentType: "application/json", body } });
      expect([201, 400], body).toContain(r.status);
    }
  });
});
