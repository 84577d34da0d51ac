import { beforeAll, describe, expect, it } from "vitest";
import { api, tokenFor, type CallOptions } from "../api";
import { browserLogin, dbSnapshot, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/** Cookie-authenticated changes must come from this site and carry the session's CSRF token. */

let session: Awaited<ReturnType<typeof browserLogin>>;
let operatorId: number;
let inventoryId: number;

beforeAll(async () => {
  operatorId = (await makeLoginUser("c-operator", "operator")).id;
  await makeLoginUser("c-other", "operator");
  session = await browserLogin("c-operator");
  const inv = await api("POST", "/api/job/inventory/", { json: { name: "csrf target", content: "h1\n" } });
  inventoryId = inv.body.id;
});

type Change = { method: string; path: () => string; opts: () => CallOptions; ok: number };

const changes: Record<string, Change> = {
  POST: { method: "POST", path: () => "/api/job/inventory/", opts: () => ({ json: { name: `new-${Math.random()}` } }), ok: 201 },
  PATCH: { method: "PATCH", path: () => `/api/job/inventory/${inventoryId}/`, opts: () => ({ json: { description: "changed" } }), ok: 200 },
  PUT: { method: "PUT", path: () => `/api/job/inventory/${inventoryId}/`, opts: () => ({ json: { name: "csrf target", description: "put" } }), ok: 200 },
  DELETE: { method: "DELETE", path: () => "/api/job/job/", opts: () => ({ json: { pk: [999999] } }), ok: 204 },
  "POST password": {
    method: "POST",
    path: () => "/api/auth/password/",
    opts: () => ({ json: { old_password: TEST_PASSWORD, new_password: TEST_PASSWORD } }),
    ok: 204,
  },
  "POST tokens": { method: "POST", path: () => "/api/auth/tokens/", opts: () => ({ json: { name: "from the browser" } }), ok: 201 },
};

async function refused(c: Change, headers: Record<string, string>, detail: string, opts: CallOptions = c.opts()) {
  const before = await dbSnapshot();
  const r = await api(c.method, c.path(), { ...opts, headers: { cookie: session.cookie, ...headers } });
  expect(r.status, `${c.method} ${c.path()} ${JSON.stringify(headers)}: ${r.text}`).toBe(403);
  expect(r.body).toEqual({ detail });
  expect(await dbSnapshot(), "a refused change changed the database").toEqual(before);
}

describe("CSRF protection of session-authenticated changes", () => {
  for (const [name, c] of Object.entries(changes)) {
    it(`${name}: refused without the token, with a wrong one, or from another origin; accepted from this site`, async () => {
      await refused(c, {}, "CSRF验证失败：缺少 CSRF 令牌。");
      await refused(c, { origin: "http://testserver" }, "CSRF验证失败：缺少 CSRF 令牌。");
      await refused(c, { "x-csrftoken": "0".repeat(40) }, "CSRF验证失败：CSRF 令牌不正确。");
      await refused(c, { "x-csrftoken": session.csrf.slice(0, -1) }, "CSRF验证失败：CSRF 令牌不正确。");
      await refused(c, { "x-csrftoken": session.csrf, origin: "https://evil.example" }, "CSRF验证失败：来源 https://evil.example 不被信任。");
      // same host name, other scheme's default port or another port: another origin
      await refused(c, { "x-csrftoken": session.csrf, origin: "http://testserver:8080" }, "CSRF验证失败：来源 http://testserver:8080 不被信任。");
      await refused(
        c,
        { "x-csrftoken": session.csrf, origin: "http://testserver.evil.example" },
        "CSRF验证失败：来源 http://testserver.evil.example 不被信任。",
      );
      await refused(c, { "x-csrftoken": session.csrf, origin: "null" }, "CSRF验证失败：来源 null 不被信任。");
      await refused(c, { "x-csrftoken": session.csrf, "sec-fetch-site": "cross-site" }, "CSRF验证失败：来源 cross-site 不被信任。");

      const ok = await api(c.method, c.path(), {
        ...c.opts(),
        headers: { cookie: session.cookie, "x-csrftoken": session.csrf, origin: "http://testserver", "sec-fetch-site": "same-origin" },
      });
      expect(ok.status, ok.text).toBe(c.ok);
      // a client that sends no Origin (not a browser posting across sites) needs only the token
      const bare = await api(c.method, c.path(), { ...c.opts(), headers: { cookie: session.cookie, "x-csrftoken": session.csrf } });
      expect(bare.status, bare.text).toBe(c.ok);
    });
  }

  it("refuses a forged cross-site form post", async () => {
    const c = changes.POST;
    const form = { form: { name: "forged" } };
    await refused(c!, { origin: "https://evil.example" }, "CSRF验证失败：来源 https://evil.example 不被信任。", form);
    await refused(c!, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, "CSRF验证失败：来源 https://evil.example 不被信任。", form);
    // an older browser that sends no Origin on a form post: the missing token stops it
    await refused(c!, {}, "CSRF验证失败：缺少 CSRF 令牌。", form);
    await refused(c!, {}, "CSRF验证失败：缺少 CSRF 令牌。", { multipart: [["name", "forged"]] });
    await refused(c!, { "sec-fetch-site": "cross-site" }, "CSRF验证失败：来源 cross-site 不被信任。", form);
    // a forged bulk delete of jobs
    await refused(changes.DELETE!, { origin: "https://evil.example" }, "CSRF验证失败：来源 https://evil.example 不被信任。", { form: { pk: "1" } });
  });

  it("does not accept another session's CSRF token", async () => {
    const other = await browserLogin("c-other");
    await refused(changes.POST!, { "x-csrftoken": other.csrf, origin: "http://testserver" }, "CSRF验证失败：CSRF 令牌不正确。");
    // nor the CSRF cookie's value sent in a cookie only
    await refused(changes.POST!, { cookie: `${session.cookie}; csrftoken=${session.csrf}` }, "CSRF验证失败：缺少 CSRF 令牌。");
  });

  it("lets session reads through without a token, from anywhere", async () => {
    const r = await api("GET", "/api/job/inventory/", { headers: { cookie: session.cookie, origin: "https://evil.example" } });
    expect(r.status).toBe(200);
  });

  it("a viewer's session with a valid token is still refused by role, and nothing changes", async () => {
    await makeLoginUser("c-viewer", "viewer");
    const v = await browserLogin("c-viewer");
    const before = await dbSnapshot();
    const r = await api("POST", "/api/job/inventory/", {
      json: { name: "by viewer" },
      headers: { cookie: v.cookie, "x-csrftoken": v.csrf, origin: "http://testserver" },
    });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: "您没有执行该操作的权限。" });
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("token-authenticated changes", () => {
  it("need no CSRF token", async () => {
    const key = await tokenFor(operatorId);
    const r = await api("POST", "/api/job/inventory/", { json: { name: "by token" }, headers: { authorization: `Token ${key}` } });
    expect(r.status, r.text).toBe(201);
    const form = await api("PATCH", `/api/job/inventory/${inventoryId}/`, { form: { description: "by token" }, headers: { authorization: `Bearer ${key}` } });
    expect(form.status, form.text).toBe(200);
  });
});

describe("login from another site", () => {
  it("is refused and opens no session", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const before = await dbSnapshot();
      const r = await api("POST", "/api/auth/login/", { as: null, form: { username: "c-operator", password: TEST_PASSWORD }, headers: { origin } });
      expect(r.status).toBe(403);
      expect(r.body).toEqual({ detail: `CSRF验证失败：来源 ${origin} 不被信任。` });
      expect(r.headers.get("set-cookie")).toBeNull();
      expect((await dbSnapshot()).sessions).toEqual(before.sessions);
    }
    const crossSite = await api("POST", "/api/auth/login/", {
      as: null,
      form: { username: "c-operator", password: TEST_PASSWORD },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const same = await api("POST", "/api/auth/login/", {
      as: null,
      form: { username: "c-operator", password: TEST_PASSWORD },
      headers: { origin: "http://testserver" },
    });
    expect(same.status).toBe(200);
  });
});
