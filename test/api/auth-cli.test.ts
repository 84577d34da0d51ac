import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { closeContext } from "@/server/context";
import { createToken } from "@/server/tokens/create-token";
import { api, ctx } from "../api";
import { browserLogin } from "../fixtures";

/**
 * `npm run user:create` and `npm run token:create` as an operator runs them: child
 * processes against this file's database (the embedded PGlite in DATA_DIR, or the
 * PostgreSQL database of TEST_DATABASE_URL). PGlite is one process's database, so this
 * process closes it before a command runs; the next API call opens it again.
 */

const onPglite = !process.env.DATABASE_URL;
const PASSWORD = "命令行设置的密码 pw-7731";

type Run = { code: number | null; stdout: string; stderr: string };

function run(script: "user-create" | "token-create", args: string[], stdin = "", env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Runs commands with this process's database closed (PGlite allows one process). */
async function cli<T>(commands: () => Promise<T>): Promise<T> {
  if (onPglite) await closeContext();
  return commands();
}

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

// each command is a Node start-up with TypeScript compilation: seconds, not milliseconds
describe("npm run user:create and token:create", { timeout: 120_000 }, () => {
  it("create a user from a password on stdin and a token whose printed key works against the API", async () => {
    const { created, token } = await cli(async () => ({
      created: await run("user-create", ["--username", "cli-op", "--role", "operator", "--display-name", "命令行 操作员"], `${PASSWORD}\n`),
      token: await run("token-create", ["--user", "cli-op", "--name", "deploy script"]),
    }));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/\[user:create\] created user cli-op \(id \d+, role operator\)/);
    expect(token.code, token.stderr).toBe(0);
    // stdout is the key alone, for `KEY=$(npm run -s token:create -- --user x)`
    expect(token.stdout).toMatch(/^[0-9a-f]{40}\n$/);
    const key = token.stdout.trim();
    expect(token.stderr).toContain("for cli-op (operator)");
    expect(token.stderr).not.toContain(key);
    for (const out of [created.stdout, created.stderr, token.stdout, token.stderr]) expect(out).not.toContain(PASSWORD);

    const me = await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${key}` } });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ username: "cli-op", display_name: "命令行 操作员", role: "operator", is_active: true, has_password: true });
    expect((await api("POST", "/api/job/inventory/", { headers: { authorization: `Bearer ${key}` }, json: { name: "from a script" } })).status).toBe(201);
    const login = await api("POST", "/api/auth/login/", { as: null, json: { username: "cli-op", password: PASSWORD } });
    expect(login.status, login.text).toBe(200);
    // only the key's hash is stored, under the given name
    const { db } = await ctx();
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.keyPrefix, key.slice(0, 6)));
    expect(row).toMatchObject({ name: "deploy script", expiresAt: null });
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("set a new password (and role) for an existing user: the way back in for a locked-out admin; their sessions and tokens end", async () => {
    const { db } = await ctx();
    const [op] = await db.select().from(users).where(eq(users.username, "cli-op"));
    const held = (await createToken(db, op!.id, { name: "held by a script" })).key;
    const session = await browserLogin("cli-op", PASSWORD);
    expect((await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${held}` } })).status).toBe(200);
    const res = await cli(() => run("user-create", ["--username", "cli-op", "--role", "admin"], "a second password\n"));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/updated user cli-op .*role admin.*password set, sessions and API tokens revoked/);
    expect((await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${held}` } })).status).toBe(401);
    expect((await api("GET", "/api/auth/me/", { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await api("POST", "/api/auth/login/", { as: null, json: { username: "cli-op", password: PASSWORD } })).status).toBe(400);
    const login = await api("POST", "/api/auth/login/", { as: null, json: { username: "cli-op", password: "a second password" } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ role: "admin", display_name: "命令行 操作员" });
  });

  it("take no password on the command line, and refuse bad input without creating anything", async () => {
    const results = await cli(async () => ({
      onArgv: await run("user-create", ["--username", "cli-argv", "--password", PASSWORD], `${PASSWORD}\n`),
      short: await run("user-create", ["--username", "cli-short"], "1234567\n"),
      sameAsName: await run("user-create", ["--username", "cli-same-name"], "cli-same-name\n"),
      badRole: await run("user-create", ["--username", "cli-role", "--role", "root"], `${PASSWORD}\n`),
      badName: await run("user-create", ["--username", "bad name"], `${PASSWORD}\n`),
      noUser: await run("token-create", ["--user", "cli-nobody"]),
      badDays: await run("token-create", ["--user", "cli-op", "--expires-in-days", "soon"]),
    }));
    expect(results.onArgv.stderr).toContain("Unknown option '--password'");
    expect(results.short.stderr).toContain("密码长度太短。密码必须包含至少 8 个字符。 这个密码太常见了。 密码只包含数字。");
    expect(results.sameAsName.stderr).toContain("密码跟 用户名 太相似了。");
    expect(results.badRole.stderr).toContain("--role must be one of admin, operator, viewer");
    expect(results.badName.stderr).toContain("--username");
    expect(results.noUser.stderr).toContain("no user named cli-nobody");
    expect(results.badDays.stderr).toContain("--expires-in-days");
    for (const [name, r] of Object.entries(results)) {
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toBe("");
      expect(r.stdout + r.stderr, name).not.toContain(PASSWORD);
    }
    const { db } = await ctx();
    const names = (await db.select({ u: users.username }).from(users)).map((r) => r.u);
    for (const n of ["cli-argv", "cli-short", "cli-same-name", "cli-role", "bad name"]) expect(names).not.toContain(n);
  });

  it("refuse what Django's password validators refuse, creating or changing nothing", async () => {
    const results = await cli(async () => ({
      common: await run("user-create", ["--username", "cli-common"], "iloveyou\n"),
      likeDisplayName: await run("user-create", ["--username", "cli-like", "--display-name", "Fly Yao"], "yaofly123\n"),
      weakReset: await run("user-create", ["--username", "cli-op"], "12345678\n"),
    }));
    expect(results.common.stderr).toContain("这个密码太常见了。");
    expect(results.likeDisplayName.stderr).toContain("密码跟 显示名称 太相似了。");
    expect(results.weakReset.stderr).toContain("这个密码太常见了。 密码只包含数字。");
    for (const [name, r] of Object.entries(results)) {
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toBe("");
    }
    const names = (await (await ctx()).db.select({ u: users.username }).from(users)).map((r) => r.u);
    for (const n of ["cli-common", "cli-like"]) expect(names).not.toContain(n);
    // the refused reset left cli-op's password as it was
    expect((await api("POST", "/api/auth/login/", { as: null, json: { username: "cli-op", password: "a second password" } })).status).toBe(200);
  });

  it("token:create gives an expiring token, and none for a deactivated user", async () => {
    const { db } = await ctx();
    await db.update(users).set({ isActive: false }).where(eq(users.username, "cli-op"));
    const { expiring, inactive } = await cli(async () => ({
      inactive: await run("token-create", ["--user", "cli-op"]),
      expiring: await run("token-create", ["--user", "admin", "--expires-in-days", "7"]),
    }));
    expect(inactive.code).toBe(1);
    expect(inactive.stderr).toContain("deactivated");
    expect(inactive.stdout).toBe("");
    expect(expiring.code, expiring.stderr).toBe(0);
    const key = expiring.stdout.trim();
    const [row] = await (
      await ctx()
    ).db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.keyPrefix, key.slice(0, 6)));
    expect(row!.expiresAt! - row!.createdAt).toBe(7 * 86400);
    expect((await api("GET", "/api/auth/me/", { headers: { authorization: `Token ${key}` } })).body).toMatchObject({ username: "admin", role: "admin" });
  });
});

describe("an embedded database in use", { timeout: 120_000 }, () => {
  it("is refused to a second process with a clear message, and opens once it is free", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-cli-lock-"));
    tmpDirs.push(dataDir);
    const env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    const held = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    let refused: Run;
    let refusedToken: Run;
    try {
      refused = await run("user-create", ["--username", "cli-locked", "--role", "viewer"], `${PASSWORD}\n`, env);
      refusedToken = await run("token-create", ["--user", "admin"], "", env);
      // the holder's database is unharmed
      await held.db.select().from(users);
    } finally {
      await held.close();
    }
    for (const r of [refused, refusedToken]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is in use by process ${process.pid}`);
      expect(r.stderr).toContain("stop it first, or use DATABASE_URL");
      expect(r.stdout).toBe("");
    }
    // free now: the same command succeeds
    const ok = await run("user-create", ["--username", "cli-locked", "--role", "viewer"], `${PASSWORD}\n`, env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("created user cli-locked");
    expect(fs.existsSync(path.join(dataDir, "pglite.pid"))).toBe(false);
  });
});
