import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { savedFilters, users } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { api, ctx, resetDb, tokenFor, type CallOptions } from "../api";
import { dbSnapshot, makeUser } from "../fixtures";

const BASE = "/api/job/saved-filter/";
let seq = 0;
/** A user with their API token issued (so that no before/after comparison sees it being issued). */
async function newUser(role = "viewer"): Promise<number> {
  const { id } = (await makeUser(`sf-${process.pid}-${++seq}`, `筛选用户${seq}`, role))!;
  await tokenFor(id);
  return id;
}

beforeEach(resetDb);

const save = (as: number, json: Record<string, unknown>) => api("POST", BASE, { as, json });

/** A call that must be refused with `status` and leave every row as it was. */
async function refused(method: string, path: string, opts: CallOptions, status: number) {
  const before = await dbSnapshot();
  const r = await api(method, path, opts);
  expect(r.status, r.text).toBe(status);
  expect(await dbSnapshot()).toEqual(before);
  return r.body;
}

describe("saved filters: create, read, list", () => {
  it("a viewer saves a view; the query is kept as the history page reads it, without defaults", async () => {
    const viewer = await newUser("viewer");
    const r = await save(viewer, { name: " 昨晚失败的 ", query: "?ordering=-duration&state=error,failed&size=50&search=deploy" });
    expect(r.status, r.text).toBe(201);
    expect(Object.keys(r.body)).toEqual(["id", "name", "query", "url", "ctime"]);
    expect(r.body).toMatchObject({
      name: "昨晚失败的",
      query: "state=failed,error&search=deploy&ordering=-duration&size=50",
      url: "/jobs?state=failed,error&search=deploy&ordering=-duration&size=50",
    });
    expect(Math.abs(r.body.ctime - nowSeconds())).toBeLessThan(60);
    const got = await api("GET", `${BASE}${r.body.id}/`, { as: viewer });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(r.body);

    // defaults (ordering=-id, size=20) are dropped; an empty query is "every job"
    const all = await save(viewer, { name: "全部", query: "ordering=-id&size=20" });
    expect(all.body).toMatchObject({ query: "", url: "/jobs" });
    // form bodies too
    const form = await api("POST", BASE, { as: viewer, form: { name: "表单", query: "kind=adhoc" } });
    expect(form.status, form.text).toBe(201);
    expect(form.body.query).toBe("kind=adhoc");
  });

  it("lists only the caller's own, in the DRF envelope, ordered and searched by name", async () => {
    const [a, b] = [await newUser(), await newUser("admin")];
    for (const name of ["乙", "甲", "丙"]) expect((await save(a, { name, query: "state=failed" })).status).toBe(201);
    expect((await save(b, { name: "甲", query: "" })).status).toBe(201); // the same name for another user
    const r = await api("GET", `${BASE}?ordering=name&limit=2`, { as: a });
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(3);
    expect(r.body.results.map((f: { name: string }) => f.name)).toEqual(["丙", "乙"]);
    expect(r.body.next).toBe("http://testserver/api/job/saved-filter/?limit=2&offset=2&ordering=name");
    expect(r.body.previous).toBeNull();
    const mine = await api("GET", `${BASE}?search=甲`, { as: b });
    expect(mine.body.count).toBe(1);
    expect(mine.body.results[0].query).toBe("");
    // default order: newest first
    expect((await api("GET", BASE, { as: a })).body.results.map((f: { name: string }) => f.name)).toEqual(["丙", "甲", "乙"]);
  });
});

describe("saved filters: bad input is a 400 with nothing saved", () => {
  it("name: required, not blank, at most 64 characters, unique per user", async () => {
    const u = await newUser();
    expect(await refused("POST", BASE, { as: u, json: { query: "" } }, 400)).toEqual({ name: ["该字段是必填项。"] });
    expect(await refused("POST", BASE, { as: u, json: { name: "  ", query: "" } }, 400)).toEqual({ name: ["该字段不能为空。"] });
    expect(await refused("POST", BASE, { as: u, json: { name: null, query: "" } }, 400)).toEqual({ name: ["该字段不能为 null。"] });
    expect(await refused("POST", BASE, { as: u, json: { name: "长".repeat(65), query: "" } }, 400)).toEqual({ name: ["请确保这个字段不能超过 64 个字符。"] });
    expect((await save(u, { name: "长".repeat(64), query: "" })).status).toBe(201);
    expect((await save(u, { name: "失败", query: "state=failed" })).status).toBe(201);
    expect(await refused("POST", BASE, { as: u, json: { name: " 失败", query: "" } }, 400)).toEqual({ name: ["已有名为 “失败” 的筛选。"] });
  });

  it("query: required, a string of the history's own keys, each once, each value the page understands", async () => {
    const u = await newUser();
    const bad = (query: unknown) => refused("POST", BASE, { as: u, json: { name: "x", query } }, 400);
    expect(await bad(undefined)).toEqual({ query: ["该字段是必填项。"] });
    expect(await bad(null)).toEqual({ query: ["该字段不能为 null。"] });
    expect(await bad(["state=failed"])).toEqual({ query: ["不是有效的字符串。"] });
    expect(await bad("foo=1")).toEqual({ query: ["“foo” 不是作业历史页面的参数。"] });
    expect(await bad("state=failed&page=3")).toEqual({ query: ["“page” 不是作业历史页面的参数。"] });
    expect(await bad("state=failed&state=error")).toEqual({ query: ["“state” 只能出现一次。"] });
    expect(await bad("state=bogus&ordering=-nothing&size=7")).toEqual({
      query: ["“state” 的值 “bogus” 无效。", "“ordering” 的值 “-nothing” 无效。", "“size” 的值 “7” 无效。"],
    });
    expect(await bad("from=2026-02-30")).toEqual({ query: ["“from” 的值 “2026-02-30” 无效。"] });
    expect(await bad(`search=${"x".repeat(2001)}`)).toEqual({ query: ["请确保这个字段不能超过 2000 个字符。"] });
    expect(await refused("POST", BASE, { as: u, json: ["x"] }, 400)).toHaveProperty("non_field_errors");
    expect(await refused("POST", BASE, { as: u, raw: { contentType: "application/json", body: "{" } }, 400)).toHaveProperty("detail");
  });

  it("a user keeps at most 200", async () => {
    const u = await newUser();
    const { db } = await ctx();
    await db.insert(savedFilters).values(Array.from({ length: 200 }, (_, i) => ({ userId: u, name: `f${i}`, query: "", ctime: 1 })));
    expect(await refused("POST", BASE, { as: u, json: { name: "再来一个", query: "" } }, 400)).toEqual({
      non_field_errors: ["最多可保存 200 个筛选，请先删除不用的。"],
    });
    expect((await save(await newUser(), { name: "别人的", query: "" })).status).toBe(201);
  });
});

describe("saved filters: rename, change, delete; only the owner's", () => {
  it("PATCH renames and replaces the query; the same errors apply; PUT is not offered", async () => {
    const u = await newUser("operator");
    const one = (await save(u, { name: "一", query: "state=failed" })).body;
    await save(u, { name: "二", query: "" });
    const r = await api("PATCH", `${BASE}${one.id}/`, { as: u, json: { name: "一号" } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ...one, name: "一号" });
    const q = await api("PATCH", `${BASE}${one.id}/`, { as: u, json: { query: "kind=job&ordering=duration" } });
    expect(q.body).toMatchObject({ name: "一号", query: "kind=job&ordering=duration", url: "/jobs?kind=job&ordering=duration" });
    expect((await api("PATCH", `${BASE}${one.id}/`, { as: u, json: {} })).body).toEqual(q.body);
    const path = `${BASE}${one.id}/`;
    expect(await refused("PATCH", path, { as: u, json: { name: "二" } }, 400)).toEqual({ name: ["已有名为 “二” 的筛选。"] });
    expect(await refused("PATCH", path, { as: u, json: { name: "" } }, 400)).toEqual({ name: ["该字段不能为空。"] });
    expect(await refused("PATCH", path, { as: u, json: { query: "page=2" } }, 400)).toEqual({ query: ["“page” 不是作业历史页面的参数。"] });
    expect(await refused("PUT", path, { as: u, json: { name: "x", query: "" } }, 405)).toEqual({ detail: "方法 “PUT” 不被允许。" });
    expect(await refused("POST", path, { as: u, json: {} }, 405)).toEqual({ detail: "方法 “POST” 不被允许。" });
    // renaming to its own name is no conflict
    expect((await api("PATCH", path, { as: u, json: { name: "一号" } })).status).toBe(200);
  });

  it("another user's id is a 404 for every method, admins included, and changes nothing", async () => {
    const owner = await newUser("viewer");
    const admin = await newUser("admin");
    const f = (await save(owner, { name: "我的", query: "state=failed" })).body;
    const path = `${BASE}${f.id}/`;
    for (const [method, json] of [
      ["GET", undefined],
      ["PATCH", { name: "偷改" }],
      ["DELETE", undefined],
    ] as const)
      expect(await refused(method, path, { as: admin, json }, 404), method).toEqual({ detail: "未找到。" });
    expect((await api("GET", BASE, { as: admin })).body.count).toBe(0);
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const json = method === "GET" ? undefined : {};
      expect(await refused(method, `${BASE}999999/`, { as: owner, json }, 404)).toEqual({ detail: "未找到。" });
      expect(await refused(method, `${BASE}abc/`, { as: owner, json }, 404)).toEqual({ detail: "未找到。" });
    }
    expect(await refused("GET", BASE, { as: null }, 401)).toEqual({ detail: "身份认证信息未提供。" });
  });

  it("DELETE removes it (then 404); deleting a user removes theirs", async () => {
    const u = await newUser();
    const f = (await save(u, { name: "临时", query: "" })).body;
    expect((await api("DELETE", `${BASE}${f.id}/`, { as: u })).status).toBe(204);
    expect((await api("GET", `${BASE}${f.id}/`, { as: u })).status).toBe(404);
    expect((await api("DELETE", `${BASE}${f.id}/`, { as: u })).status).toBe(404);
    const gone = await newUser();
    await save(gone, { name: "留下", query: "" });
    const { db } = await ctx();
    await db.delete(users).where(eq(users.id, gone));
    expect(await db.select().from(savedFilters).where(eq(savedFilters.userId, gone))).toEqual([]);
  });
});
