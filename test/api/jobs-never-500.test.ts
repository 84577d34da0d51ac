import { beforeAll, describe, expect, it } from "vitest";
import { JOB_INPUT_FIELDS } from "@/lib/contracts/job";
import { api } from "../api";
import { importBody, makeCatalog } from "../fixtures";

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
  "1; drop table jobs",
  "\u0000",
  "-0",
  "NaN",
];

/** Every writable key, with every odd value, on create and on update: a 2xx or a 4xx, never a 500. */
describe("no input produces a 500", () => {
  let jobId: number;
  beforeAll(async () => {
    await makeCatalog();
    jobId = (await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) })).body.id;
  });

  // one test per key: each is a few dozen requests, so none nears its time limit on a loaded machine
  it.each(Object.keys(JOB_INPUT_FIELDS))("on POST and PATCH of %s, as JSON and as form values", async (key) => {
    for (const value of ODD_VALUES) {
      const create = await api("POST", "/api/job/job/", { json: importBody({ [key]: value }) });
      expect([201, 400], `POST ${key}=${JSON.stringify(value)?.slice(0, 40)}`).toContain(create.status);
      const patch = await api("PATCH", `/api/job/job/${jobId}/`, { json: { [key]: value } });
      expect([200, 400], `PATCH ${key}=${JSON.stringify(value)?.slice(0, 40)}`).toContain(patch.status);
      if (typeof value === "string") {
        const form = await api("POST", "/api/job/job/", {
          form: { ...importBody(), start_time: "1", finish_time: "2", [key]: value } as Record<string, string>,
        });
        expect([201, 400], `form ${key}`).toContain(form.status);
      }
    }
  });

  it.each([
    "template",
    "inventory",
    "credential",
    "state",
    "kind",
    "schedule",
    "project",
    "cuser",
    "job",
    "job_type",
    "state__in",
    "search",
    "ctime__gte",
    "start_time__lte",
    "ordering",
    "limit",
    "offset",
  ])("on the list query parameter %s", async (p) => {
    for (const v of ["", "abc", "-1", "99999999999999999999", "1.5", "%00", "💥", ",,,", "-", "1e3", "\u0000", "a\u0000b"]) {
      const r = await api("GET", `/api/job/job/?${p}=${encodeURIComponent(v)}`);
      expect([200, 400], `${p}=${v}`).toContain(r.status);
    }
  });

  it("on odd bodies and ids", async () => {
    for (const body of ["", "null", "1", '"x"', "[]", "{", '{"a":}']) {
      const r = await api("POST", "/api/job/job/", { raw: { contentType: "application/json", body } });
      expect([201, 400], body).toContain(r.status);
      const d = await api("DELETE", "/api/job/job/", { raw: { contentType: "application/json", body } });
      expect([204, 400], body).toContain(d.status);
    }
    for (const id of ["0", "00", "2147483648", "99999999999999", "%20", "1e3"]) {
      expect([404], id).toContain((await api("GET", `/api/job/job/${id}/`)).status);
    }
  });
});
