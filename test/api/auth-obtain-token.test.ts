import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { sha256Hex } from "@/server/auth/random-secret";
import { api, ctx, type CallOptions } from "../api";
import { dbSnapshot, makeLoginUser, makeUser, TEST_PASSWORD } from "../fixtures";

/** POST /api/auth/token/: DRF's obtain_auth_token. */

// behind one reverse proxy, whose X-Forwarded-For entry gives each call its address
process.env.TRUST_PROXY = "1";

const obtain = (opts: CallOptions, address = "198.51.100.7") =>
  api("POST", "/api/auth/token/", { as: null, ...opts, headers: { "x-forwarded-for": address, ...opts.headers } });

let op: { id: number };

beforeAll(async () => {
  op = await makeLoginUser("t-operator", "operator", TEST_PASSWORD, "令牌操作员");
  await makeLoginUser("t-leaver", "operator");
  await (await ctx()).db.update(users).set({ isActive: false }).where(eq(users.username, "t-leaver"));
  await makeUser("t-nopassword", "没有密码", "operator");
});

describe("POST /api/auth/token/", () => {
  it("answers {token} for JSON, form and multipart bodies, a new 40-character key each time", async () => {
    const keys = new Set<string>();
    for (const opts of [
      { json: { username: "t-operator", password: TEST_PASSWORD } },
      { form: { username: "t-operator", password: TEST_PASSWORD } },
      {
        multipart: [
          ["username", "t-operator"],
          ["password", TEST_PASSWORD],
        ] as [string, string][],
      },
    ]) {
      const r = await obtain(opts);
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get("content-type")).toContain("application/json");
      expect(Object.keys(r.body)).toEqual(["token"]);
      expect(r.body.token).toMatch(/^[0-9a-f]{40}$/);
      keys.add(r.body.token);
    }
    expect(keys.size).toBe(3);
  });

  it("issues a key that works as Token and as Bearer, for that user", async () => {
    const { body } = await obtain({ json: { username: "t-operator", password: TEST_PASSWORD } });
    for (const scheme of ["Token", "Bearer"]) {
      const me = await api("GET", "/api/auth/me/", { headers: { authorization: `${scheme} ${body.token}` } });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: op.id, username: "t-operator", display_name: "令牌操作员", role: "operator", auth: "token" });
      const write = await api("POST", "/api/job/inventory/", { headers: { authorization: `${scheme} ${body.token}` }, json: { name: `by ${scheme}` } });
      expect(write.status, write.text).toBe(201);
    }
    const listed = await api("GET", "/api/auth/tokens/", { headers: { authorization: `Token ${body.token}` } });
    expect(listed.body.results[0]).toMatchObject({ user: op.id, username: "t-operator", name: "POST /api/auth/token/", key_prefix: body.token.slice(0, 6) });
    expect(listed.text).not.toContain(body.token);
  });

  it("stores only the key's SHA-256: the key and the password appear nowhere in the database", async () => {
    const { body } = await obtain({ form: { username: "t-operator", password: TEST_PASSWORD } });
    const everything = JSON.stringify(await dbSnapshot());
    expect(everything).not.toContain(body.token);
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).toContain(sha256Hex(body.token));
  });

  it("gives a wrong password, an unknown user, an inactive user and a user without password byte-identical 400s", async () => {
    const before = await dbSnapshot();
    const answers = [];
    for (const [username, password] of [
      ["t-operator", "wrong password"],
      ["t-nobody", TEST_PASSWORD],
      ["t-leaver", TEST_PASSWORD],
      ["t-nopassword", TEST_PASSWORD],
      ["T-OPERATOR", TEST_PASSWORD],
    ]) {
      // each from its own address, so no limit is reached
      const r = await obtain({ json: { username, password } }, `203.0.113.${answers.length + 1}`);
      answers.push({ status: r.status, text: r.text, type: r.headers.get("content-type"), cookie: r.headers.get("set-cookie") });
    }
    expect(answers[0]).toEqual({ status: 400, text: '{"non_field_errors":["无法使用提供的认证信息登录。"]}', type: "application/json", cookie: null });
    for (const a of answers) expect(a).toEqual(answers[0]);
    // no token was issued (only the failure counters moved)
    const after = await dbSnapshot();
    expect(after.api_tokens).toEqual(before.api_tokens);
    expect(after.users).toEqual(before.users);
  });

  it("names missing and blank fields as DRF does", async () => {
    const cases: [CallOptions, unknown][] = [
      [{ json: {} }, { username: ["该字段是必填项。"], password: ["该字段是必填项。"] }],
      [{}, { username: ["该字段是必填项。"], password: ["该字段是必填项。"] }],
      [{ json: { username: "t-operator" } }, { password: ["该字段是必填项。"] }],
      [{ form: { password: TEST_PASSWORD } }, { username: ["该字段是必填项。"] }],
      [{ json: { username: "", password: "" } }, { username: ["该字段不能为空。"], password: ["该字段不能为空。"] }],
    ];
    for (const [opts, errors] of cases) {
      const r = await obtain(opts);
      expect(r.status, JSON.stringify(opts)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    expect((await obtain({ raw: { contentType: "text/plain", body: "username=t-operator" } })).status).toBe(415);
  });

  it("answers 405 to other methods", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const r = await api(method, "/api/auth/token/", { as: null });
      expect(r.status).toBe(405);
      expect(r.body).toEqual({ detail: `方法 “${method}” 不被允许。` });
    }
  });
});
