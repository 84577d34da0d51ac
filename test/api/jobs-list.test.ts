import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody, makeCatalog } from "../fixtures";

async function importJobs(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping", ...extra(i) }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids.push(r.body.id);
  }
  return ids;
}

beforeEach(resetDb);

describe("GET /api/job/job/ envelope and pagination", () => {
  it("answers the DRF envelope, newest first, with every key of the record", async () => {
    const { template } = await makeCatalog();
    const ids = await importJobs(3, (i) => (i === 1 ? { template: template.id, kind: "job", module: "" } : {}));
    const r = await api("GET", "/api/job/job/");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.body.count).toBe(3);
    expect(r.body.next).toBeNull();
    expect(r.body.previous).toBeNull();
    expect(r.body.results.map((j: { id: number }) => j.id)).toEqual([...ids].reverse());
    const keys = [
      "id",
      "template",
      "cuser",
      "user",
      "job_type",
      "inventory",
      "credential",
      "forks",
      "limit",
      "tags",
      "skip_tags",
      "verbosity",
      "variables",
      "start_time",
      "finish_time",
      "state",
      "inventory_str",
      "become_enabled",
      "diff_mode",
      "force_handlers",
      "start_at_task",
      "inventory_name",
      "credential_name",
      "template_name",
      "state_name",
      "playbook",
      "kind",
      "arguments",
      "module",
      "verbosity_name",
      "kind_name",
      "job",
      "node",
      "force_handlers_name",
      "diff_mode_name",
      "become_enabled_name",
      "schedule",
      "schedule_name",
      "ctime",
      "project_name",
      "project",
      // beyond the seed (additions): the run's time limit, why it ended, who canceled it
      "timeout",
      "explanation",
      "canceled_by",
      "variables_trusted",
      "scm_revision",
      // a pending job's place in its queue (null otherwise)
      "queue_position",
      "queue_reason",
      "queue_limit",
      // dropped by the retention policy
      "output_purged",
      // seconds from start to finish, null without both (ordering=duration)
      "duration",
    ];
    for (const job of r.body.results) expect(Object.keys(job).sort()).toEqual([...keys].sort());
    const adhoc = r.body.results[0];
    expect(adhoc.template).toBeNull();
    expect(adhoc.template_name).toBeNull();
    expect(adhoc.kind_name).toBe("临时命令");
    expect(adhoc.state_name).toBe("成功");
    expect(adhoc.verbosity_name).toBe("Normal");
    expect(adhoc.become_enabled_name).toBe("否");
    expect(r.text).toContain("临时命令"); // Chinese unescaped
  });

  it("builds next/previous exactly as LimitOffsetPagination does", async () => {
    await importJobs(9);
    let r = await api("GET", "/api/job/job/?limit=2&offset=3&state=successful&foo=b%20r");
    expect(r.body.count).toBe(9);
    expect(r.body.results).toHaveLength(2);
    expect(r.body.next).toBe("http://testserver/api/job/job/?foo=b+r&limit=2&offset=5&state=successful");
    expect(r.body.previous).toBe("http://testserver/api/job/job/?foo=b+r&limit=2&offset=1&state=successful");

    r = await api("GET", "/api/job/job/?limit=2&offset=2");
    expect(r.body.previous).toBe("http://testserver/api/job/job/?limit=2");

    r = await api("GET", "/api/job/job/?limit=abc&offset=1");
    expect(r.body.results).toHaveLength(8);
    expect(r.body.previous).toBe("http://testserver/api/job/job/?limit=20");
    expect(r.body.next).toBeNull();

    r = await api("GET", "/api/job/job/?limit=5000&offset=2");
    expect(r.body.previous).toBe("http://testserver/api/job/job/?limit=1000");

    r = await api("GET", "/api/job/job/?limit=4&offset=100");
    expect(r.body.results).toEqual([]);
    expect(r.body.next).toBeNull();
    expect(r.body.previous).toBe("http://testserver/api/job/job/?limit=4&offset=96");

    r = await api("GET", "/api/job/job/?ordering=-start_time,id&limit=3");
    expect(r.body.next).toBe("http://testserver/api/job/job/?limit=3&offset=3&ordering=-start_time%2Cid");
  });

  it("reads limit and offset like Python int()", async () => {
    await importJobs(25);
    for (const bad of ["abc", "1.5", "", "0", "-3"]) {
      const r = await api("GET", `/api/job/job/?limit=${bad}`);
      expect(r.body.results, `limit=${bad}`).toHaveLength(20);
    }
    expect((await api("GET", "/api/job/job/?limit=%205%20")).body.results).toHaveLength(5);
    const first = (await api("GET", "/api/job/job/?limit=1")).body.results[0].id;
    for (const bad of ["abc", "-1", ""]) {
      const r = await api("GET", `/api/job/job/?limit=1&offset=${bad}`);
      expect(r.body.results[0].id, `offset=${bad}`).toBe(first);
    }
  });

  it("uses the host header for the links and serves the path without a trailing slash", async () => {
    await importJobs(3);
    const r = await api("GET", "/api/job/job?limit=1", { headers: { host: "ops.example:8080" } });
    expect(r.status).toBe(200);
    expect(r.body.next).toBe("http://ops.example:8080/api/job/job?limit=1&offset=1");
  });
});

describe("ordering", () => {
  it("orders by any field both ways, breaks ties by id, ignores unknown names", async () => {
    const ids = await importJobs(6, (i) => ({ start_time: 1000 + (i % 2), finish_time: 2000, forks: i }));
    const order = async (q: string) => (await api("GET", `/api/job/job/?${q}`)).body.results.map((j: { id: number }) => j.id);
    expect(await order("ordering=id")).toEqual(ids);
    expect(await order("ordering=-id")).toEqual([...ids].reverse());
    expect(await order("ordering=forks")).toEqual(ids);
    expect(await order("ordering=bogus")).toEqual([...ids].reverse());
    expect(await order("ordering=bogus,forks")).toEqual(ids);
    // ties on start_time are broken by id, in the direction of the last term
    expect(await order("ordering=start_time")).toEqual([ids[0], ids[2], ids[4], ids[1], ids[3], ids[5]]);
    expect(await order("ordering=-start_time")).toEqual([ids[5], ids[3], ids[1], ids[4], ids[2], ids[0]]);
    expect(await order("ordering=-start_time,id")).toEqual([ids[1], ids[3], ids[5], ids[0], ids[2], ids[4]]);
    // pages of a tied ordering neither repeat nor skip a row
    const paged: number[] = [];
    for (let off = 0; off < 6; off += 2) paged.push(...(await order(`ordering=finish_time&limit=2&offset=${off}`)));
    expect([...paged].sort((a, b) => a - b)).toEqual(ids);
  });
});

describe("filters", () => {
  it("filters by each of the seed's six filters and combinations, with exact counts", async () => {
    const a = await makeCatalog("A");
    const b = await makeCatalog("B");
    const viaA = { template: a.template.id, kind: "job", module: "", schedule: a.schedule.id };
    await importJobs(3, () => viaA);
    await importJobs(2, () => ({ template: b.template.id, kind: "job", module: "", state: "failed" }));
    await importJobs(1, () => ({ inventory: b.inventory.id, credential: a.credential.id }));
    const count = async (q: string) => {
      const r = await api("GET", `/api/job/job/?${q}`);
      expect(r.status, q).toBe(200);
      expect(r.body.results.length, q).toBe(Math.min(r.body.count, 20));
      return r.body.count;
    };
    expect(await count("")).toBe(6);
    expect(await count(`template=${a.template.id}`)).toBe(3);
    expect(await count(`template=${b.template.id}`)).toBe(2);
    expect(await count(`inventory=${a.inventory.id}`)).toBe(3);
    expect(await count(`inventory=${b.inventory.id}`)).toBe(3);
    expect(await count(`credential=${a.credential.id}`)).toBe(4);
    expect(await count(`schedule=${a.schedule.id}`)).toBe(3);
    expect(await count("state=failed")).toBe(2);
    expect(await count("state=successful")).toBe(4);
    expect(await count("kind=adhoc")).toBe(1);
    expect(await count("kind=job")).toBe(5);
    expect(await count(`template=${b.template.id}&state=failed`)).toBe(2);
    expect(await count(`template=${a.template.id}&state=failed`)).toBe(0);
    expect(await count(`credential=${a.credential.id}&kind=adhoc`)).toBe(1);
    expect(await count("state=")).toBe(6);
    expect(await count("template=&kind=")).toBe(6);
    expect(await count("template=0")).toBe(0);
    expect(await count("template=999999")).toBe(0);
    // extras
    expect(await count(`project=${a.project.id}`)).toBe(3);
    expect(await count("state__in=failed,successful")).toBe(6);
    expect(await count("state__in=failed")).toBe(2);
    expect(await count("job_type=run")).toBe(6);
    expect(await count("cuser=1")).toBe(6);
    expect(await count("search=tomcatB")).toBe(3);
    expect(await count("search=tomcatA%20main")).toBe(3);
    expect(await count("search=nothing-like-this")).toBe(0);
    expect(await count("start_time__gte=1561688923&start_time__lte=1561688923")).toBe(6);
    expect(await count("ctime__lte=1")).toBe(0);
  });

  it("refuses a non-integer id and an unknown choice with django-filter's messages", async () => {
    let r = await api("GET", "/api/job/job/?template=abc");
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ template: ["选择一个有效的选项： 该选择不在可用的选项中。"] });
    r = await api("GET", "/api/job/job/?state=bogus&kind=x&inventory=1.5&credential=-1&schedule=a");
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      state: ["选择一个有效的选项。 bogus 不在可用的选项中。"],
      kind: ["选择一个有效的选项。 x 不在可用的选项中。"],
      inventory: ["选择一个有效的选项： 该选择不在可用的选项中。"],
      credential: ["选择一个有效的选项： 该选择不在可用的选项中。"],
      schedule: ["选择一个有效的选项： 该选择不在可用的选项中。"],
    });
    r = await api("GET", "/api/job/job/?state__in=failed,nope&ctime__gte=yesterday");
    expect(r.status).toBe(400);
    expect(Object.keys(r.body).sort()).toEqual(["ctime__gte", "state__in"]);
  });
});
