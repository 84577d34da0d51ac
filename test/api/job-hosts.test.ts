import { beforeEach, describe, expect, it } from "vitest";
import { api, resetDb } from "../api";
import { importBody } from "../fixtures";
import { insertSummaries } from "../output-fixtures";

beforeEach(resetDb);

describe("GET /api/job/job/<id>/hosts/", () => {
  // the host's own status (unreachable, then failed, changed, ok); no first failed task recorded here
  const status = (s: string) => ({ status: s, first_failed_task: "", first_failed_message: "" });

  it("answers the per-host summary ordered by host, with failed = failures or unreachable", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    const id = r0.body.id as number;
    await insertSummaries(id, [
      { host: "web2", ok: 3, changed: 1, failures: 1 },
      { host: "db1", unreachable: 1 },
      { host: "web1", ok: 5, changed: 2, skipped: 1, rescued: 1, ignored: 2 },
    ]);
    const r = await api("GET", `/api/job/job/${id}/hosts/`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      count: 3,
      next: null,
      previous: null,
      results: [
        { host: "db1", ok: 0, changed: 0, failures: 0, unreachable: 1, skipped: 0, rescued: 0, ignored: 0, failed: true, ...status("unreachable") },
        { host: "web1", ok: 5, changed: 2, failures: 0, unreachable: 0, skipped: 1, rescued: 1, ignored: 2, failed: false, ...status("changed") },
        { host: "web2", ok: 3, changed: 1, failures: 1, unreachable: 0, skipped: 0, rescued: 0, ignored: 0, failed: true, ...status("failed") },
      ],
    });
    const page = await api("GET", `/api/job/job/${id}/hosts?limit=2`);
    expect(page.body.results.map((h: { host: string }) => h.host)).toEqual(["db1", "web1"]);
    expect(page.body.next).toBe(`http://testserver/api/job/job/${id}/hosts?limit=2&offset=2`);
  });

  it("answers an empty page for a job without summary, and 404 for an unknown job", async () => {
    const r0 = await api("POST", "/api/job/job/", { json: importBody({ kind: "adhoc", module: "ping" }) });
    const r = await api("GET", `/api/job/job/${r0.body.id}/hosts/`);
    expect(r.body).toEqual({ count: 0, next: null, previous: null, results: [] });
    const nf = await api("GET", "/api/job/job/abc/hosts/");
    expect(nf.status).toBe(404);
    expect(nf.body).toEqual({ detail: "未找到。" });
  });
});
