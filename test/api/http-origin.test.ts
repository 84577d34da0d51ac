import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, ctx, tokenFor } from "../api";
import { browserLogin, dbSnapshot, importBody, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/**
 * This site's origin — PUBLIC_URL, or the request's scheme and Host (X-Forwarded-Proto
 * and -Host only behind TRUST_PROXY) — is what a browser's Origin must equal, and what
 * links in answers are built on.
 */

let session: Awaited<ReturnType<typeof browserLogin>>;
let operatorId: number;

beforeAll(async () => {
  operatorId = (await makeLoginUser("o-operator", "operator")).id;
  await tokenFor(operatorId);
  session = await browserLogin("o-operator");
  for (let i = 0; i < 3; i++) await api("POST", "/api/job/job/", { json: importBody() });
});

afterEach(async () => {
  const { config } = await ctx();
  config.trustProxy = 0;
  config.publicUrl = undefined;
});

const change = (headers: Record<string, string>) =>
  api("POST", "/api/job/inventory/", { json: { name: `inv-${Math.random()}` }, headers: { cookie: session.cookie, "x-csrftoken": session.csrf, ...headers } });

async function refusedFrom(origin: string, headers: Record<string, string> = {}) {
  const before = await dbSnapshot();
  const r = await change({ origin, ...headers });
  expect(r.status, `${origin} ${JSON.stringify(headers)}: ${r.text}`).toBe(403);
  expect(r.body).toEqual({ detail: `CSRF验证失败：来源 ${origin} 不被信任。` });
  expect(await dbSnapshot()).toEqual(before);
}

describe("the CSRF Origin check", () => {
  it("compares the scheme too: an https Origin is not this plain-http site", async () => {
    await refusedFrom("https://testserver");
    expect((await change({ origin: "http://testserver" })).status).toBe(201);
  });

  it("ignores X-Forwarded-Host and X-Forwarded-Proto without TRUST_PROXY", async () => {
    await refusedFrom("http://evil.example", { "x-forwarded-host": "evil.example" });
    await refusedFrom("https://testserver", { "x-forwarded-proto": "https" });
  });

  it("believes them behind a trusted proxy", async () => {
    (await ctx()).config.trustProxy = 1;
    expect((await change({ origin: "https://ops.example.com", "x-forwarded-proto": "https", "x-forwarded-host": "ops.example.com" })).status).toBe(201);
    expect((await change({ origin: "https://testserver", "x-forwarded-proto": "https" })).status).toBe(201);
    await refusedFrom("http://testserver", { "x-forwarded-proto": "https" });
  });

  it("with PUBLIC_URL accepts that origin only, whatever Host and X-Forwarded-* say", async () => {
    (await ctx()).config.publicUrl = "https://ops.example.com";
    expect((await change({ origin: "https://ops.example.com" })).status).toBe(201);
    await refusedFrom("http://testserver");
    await refusedFrom("http://ops.example.com");
    await refusedFrom("https://evil.example", { host: "evil.example", "x-forwarded-host": "evil.example" });
  });

  it("applies to login and logout too", async () => {
    const login = await api("POST", "/api/auth/login/", {
      as: null,
      json: { username: "o-operator", password: TEST_PASSWORD },
      headers: { origin: "https://testserver" },
    });
    expect(login.status).toBe(403);
    expect(login.headers.get("set-cookie")).toBeNull();
    const s = await browserLogin("o-operator");
    const out = await api("POST", "/api/auth/logout/", { headers: { cookie: s.cookie, "x-csrftoken": s.csrf, origin: "https://testserver" } });
    expect(out.status).toBe(403);
    expect((await api("GET", "/api/auth/me/", { headers: { cookie: s.cookie } })).status).toBe(200);
  });
});

describe("links in answers", () => {
  const list = async (headers: Record<string, string> = {}) => (await api("GET", "/api/job/job/?limit=1&offset=1&state=successful", { headers })).body;

  it("are built on the Host header by default, ignoring X-Forwarded-Proto and -Host", async () => {
    expect(await list()).toMatchObject({
      next: "http://testserver/api/job/job/?limit=1&offset=2&state=successful",
      previous: "http://testserver/api/job/job/?limit=1&state=successful",
    });
    expect((await list({ host: "ops.example.com", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" })).next).toBe(
      "http://ops.example.com/api/job/job/?limit=1&offset=2&state=successful",
    );
  });

  it("follow X-Forwarded-Proto and -Host behind a trusted proxy", async () => {
    (await ctx()).config.trustProxy = 1;
    expect((await list({ "x-forwarded-proto": "https", "x-forwarded-host": "ops.example.com" })).next).toBe(
      "https://ops.example.com/api/job/job/?limit=1&offset=2&state=successful",
    );
  });

  it("are built on PUBLIC_URL when it is set", async () => {
    (await ctx()).config.publicUrl = "https://ops.example.com:8443";
    expect(await list({ host: "evil.example", "x-forwarded-host": "evil.example" })).toMatchObject({
      next: "https://ops.example.com:8443/api/job/job/?limit=1&offset=2&state=successful",
      previous: "https://ops.example.com:8443/api/job/job/?limit=1&state=successful",
    });
    const users = await api("GET", "/api/auth/users/?limit=1", { as: (await ctx()).adminUserId });
    expect(users.body.next).toMatch(/^https:\/\/ops\.example\.com:8443\/api\/auth\/users\/\?limit=1&offset=1$/);
  });
});
