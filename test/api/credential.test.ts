import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { credentials } from "@/db/schema";
import { secretBox } from "@/core/crypto/secret-box";
import { api, ctx, resetDb } from "../api";

const KEY =
  "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\r\nAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ\r\n-----END OPENSSH PRIVATE KEY-----";
const STORED_KEY = KEY.replace(/\r\n/g, "\n") + "\n";
const RSA = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";

const count = async () => (await api("GET", "/api/job/credential/")).body.count as number;

/** The stored row with its secrets decrypted; the raw columns must never hold a secret in clear. */
async function stored(id: number) {
  const { db, config } = await ctx();
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
  const box = secretBox(config);
  for (const k of ["password", "sshKey", "becomePassword"] as const) {
    if (row![k]) expect(row![k]).toMatch(/^\$aes256gcm\$v1\$/);
  }
  return { ...row, password: box.open(row!.password), sshKey: box.open(row!.sshKey), becomePassword: box.open(row!.becomePassword) };
}

/** No secret value may appear anywhere in a response text. */
function expectNoSecrets(text: string) {
  for (const secret of ["s3cret-pass", "b3BlbnNzaC1rZXktdjE", "MIIEowIBAAKCAQEA", "root-pass", "new-pass"]) expect(text).not.toContain(secret);
}

beforeEach(resetDb);

describe("POST /api/job/credential/", () => {
  it("creates from JSON; secrets are stored but never returned", async () => {
    const r = await api("POST", "/api/job/credential/", {
      json: { name: "测试", username: "deploy", password: "s3cret-pass", ssh_key: KEY, become_method: "su", become_user: "root", become_password: "root-pass" },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: 1,
      name: "测试",
      description: "",
      username: "deploy",
      password: "$encrypted$",
      ssh_key: "$encrypted$",
      become_method: "su",
      become_user: "root",
      become_password: "$encrypted$",
      ctime: expect.any(Number),
    });
    expectNoSecrets(r.text);
    const row = await stored(1);
    expect(row).toMatchObject({ password: "s3cret-pass", sshKey: STORED_KEY, becomePassword: "root-pass" });
    for (const path of ["/api/job/credential/", "/api/job/credential/1/", "/api/job/credential/?search=测试", "/api/job/credential/?ordering=password"]) {
      expectNoSecrets((await api("GET", path)).text);
    }
  });

  it("creates from a form and from multipart, with defaults", async () => {
    const form = await api("POST", "/api/job/credential/", { form: { name: "f", password: "", ssh_key: RSA } });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({ name: "f", password: "", ssh_key: "$encrypted$", become_method: "sudo", become_password: "" });
    expect((await stored(form.body.id)).sshKey).toBe(RSA);
    const multi = await api("POST", "/api/job/credential/", {
      multipart: [
        ["name", "m"],
        ["username", "ops"],
        ["ssh_key", KEY],
      ],
    });
    expect(multi.status).toBe(201);
    expect(multi.body).toMatchObject({ name: "m", username: "ops", ssh_key: "$encrypted$", password: "" });
    expect((await stored(multi.body.id)).sshKey).toBe(STORED_KEY);
  });

  it("refuses bad input and writes nothing", async () => {
    const cases: [unknown, Record<string, string[]>][] = [
      [{ username: "x" }, { name: ["该字段是必填项。"] }],
      [{ name: "" }, { name: ["该字段不能为空。"] }],
      [{ name: "c", become_method: "runas2" }, { become_method: ["“runas2” 不是合法选项。"] }],
      [
        { name: "c", ssh_key: "ssh-ed25519 AAAAC3Nz user@host" },
        { ssh_key: ["SSH 私钥格式无效：应为 PEM 或 OpenSSH 私钥（-----BEGIN … PRIVATE KEY----- 到 -----END … PRIVATE KEY-----）。"] },
      ],
      [
        { name: "c", ssh_key: "-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----" },
        { ssh_key: ["SSH 私钥格式无效：应为 PEM 或 OpenSSH 私钥（-----BEGIN … PRIVATE KEY----- 到 -----END … PRIVATE KEY-----）。"] },
      ],
      [{ name: "c", password: "p".repeat(1025) }, { password: ["请确保这个字段不能超过 1024 个字符。"] }],
      [{ name: "c", username: { a: 1 } }, { username: ["不是有效的字符串。"] }],
    ];
    for (const [json, errors] of cases) {
      const r = await api("POST", "/api/job/credential/", { json });
      expect(r.status, JSON.stringify(json)).toBe(400);
      expect(r.body).toEqual(errors);
    }
    expect(await count()).toBe(0);
  });
});

describe("GET /api/job/credential/", () => {
  it("pages, filters, searches and orders (never by a secret)", async () => {
    for (const [name, password] of [
      ["b-cred", "zzz"],
      ["a-cred", "aaa"],
      ["c-cred", "mmm"],
    ]) {
      await api("POST", "/api/job/credential/", { json: { name, password, description: name === "c-cred" ? "Jump HOST" : "" } });
    }
    const page = await api("GET", "/api/job/credential/?limit=2");
    expect(page.body).toMatchObject({ count: 3, next: "http://testserver/api/job/credential/?limit=2&offset=2", previous: null });
    expect((await api("GET", "/api/job/credential/?name=a-cred")).body.results[0].id).toBe(2);
    expect((await api("GET", "/api/job/credential/?search=host")).body.results.map((c: { name: string }) => c.name)).toEqual(["c-cred"]);
    const names = async (q: string) => (await api("GET", `/api/job/credential/?ordering=${q}`)).body.results.map((c: { name: string }) => c.name);
    expect(await names("name")).toEqual(["a-cred", "b-cred", "c-cred"]);
    expect(await names("password")).toEqual(["c-cred", "a-cred", "b-cred"]);
  });

  it('shows each secret as the record of one does: $encrypted$ when set, "" when not', async () => {
    await api("POST", "/api/job/credential/", { json: { name: "all", password: "p", ssh_key: RSA, become_password: "b" } });
    await api("POST", "/api/job/credential/", { json: { name: "none" } });
    const listed = (await api("GET", "/api/job/credential/?ordering=id")).body.results;
    const one = await Promise.all(listed.map(async (c: { id: number }) => (await api("GET", `/api/job/credential/${c.id}/`)).body));
    expect(listed).toEqual(one);
    expect(listed.map((c: Record<string, string>) => [c.password, c.ssh_key, c.become_password])).toEqual([
      ["$encrypted$", "$encrypted$", "$encrypted$"],
      ["", "", ""],
    ]);
  });
});

describe("/api/job/credential/<id>/", () => {
  it("keeps a secret sent back as $encrypted$, clears one sent as empty", async () => {
    const { id } = (await api("POST", "/api/job/credential/", { json: { name: "c", password: "s3cret-pass", ssh_key: KEY, become_password: "root-pass" } }))
      .body;

    const keep = await api("PUT", `/api/job/credential/${id}/`, {
      json: { name: "c2", password: "$encrypted$", ssh_key: "$encrypted$", become_password: "$encrypted$", username: "u" },
    });
    expect(keep.status).toBe(200);
    expect(keep.body).toMatchObject({ name: "c2", username: "u", password: "$encrypted$", ssh_key: "$encrypted$", become_password: "$encrypted$" });
    expect(await stored(id)).toMatchObject({ password: "s3cret-pass", sshKey: STORED_KEY, becomePassword: "root-pass" });

    const change = await api("PATCH", `/api/job/credential/${id}/`, { form: { password: "new-pass", become_password: "" } });
    expect(change.body).toMatchObject({ password: "$encrypted$", become_password: "", ssh_key: "$encrypted$" });
    expectNoSecrets(change.text);
    expect(await stored(id)).toMatchObject({ password: "new-pass", sshKey: STORED_KEY, becomePassword: "" });

    const untouched = await api("PATCH", `/api/job/credential/${id}/`, { json: { description: "only this" } });
    expect(untouched.body).toMatchObject({ description: "only this", password: "$encrypted$", ssh_key: "$encrypted$" });
    expect(await stored(id)).toMatchObject({ password: "new-pass", sshKey: STORED_KEY });

    const clear = await api("PATCH", `/api/job/credential/${id}/`, { json: { ssh_key: "", password: "" } });
    expect(clear.body).toMatchObject({ password: "", ssh_key: "", become_password: "" });
    expect(await stored(id)).toMatchObject({ password: "", sshKey: "", becomePassword: "" });

    const bad = await api("PATCH", `/api/job/credential/${id}/`, { json: { ssh_key: "nope", password: "x" } });
    expect(bad.status).toBe(400);
    expect(await stored(id)).toMatchObject({ password: "", sshKey: "" });

    expect((await api("PUT", `/api/job/credential/${id}/`, { json: {} })).body).toEqual({ name: ["该字段是必填项。"] });
    expect((await api("DELETE", `/api/job/credential/${id}/`)).status).toBe(204);
    expect((await api("GET", `/api/job/credential/${id}/`)).status).toBe(404);
    expect((await api("DELETE", `/api/job/credential/${id}/`)).body).toEqual({ detail: "未找到。" });
  });
});
