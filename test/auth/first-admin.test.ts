import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { demoPasswordFile, ensureAdminUser, generatePassword } from "@/server/auth/ensure-admin-user";
import { hashPassword, verifyPassword } from "@/server/auth/passwords";
import { passwordProblems } from "@/server/users/password-rules";
import { ctx } from "../api";

async function hashOf(username: string) {
  const { db } = await ctx();
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

describe("the first admin", () => {
  it("gets ADMIN_PASSWORD on first start, and never again once it has a password", async () => {
    const { db, config } = await ctx();
    const cfg = { ...config, adminUsername: "boss", adminPassword: "first-Start-pw1", demoData: false };
    await ensureAdminUser(db, cfg);
    const u = await hashOf("boss");
    expect(u!.role).toBe("admin");
    expect(await verifyPassword(u!.passwordHash, "first-Start-pw1")).toBe(true);
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("changed-Later-pw2") })
      .where(eq(users.id, u!.id));
    await ensureAdminUser(db, { ...cfg, adminPassword: "first-Start-pw1" });
    expect(await verifyPassword((await hashOf("boss"))!.passwordHash, "changed-Later-pw2")).toBe(true);
  });

  it("on the embedded demo without ADMIN_PASSWORD gets a generated one in a 0600 file, removed once changed", async () => {
    const { db, config } = await ctx();
    const cfg = { ...config, adminUsername: "demo-admin", adminPassword: undefined, demoData: true };
    const file = demoPasswordFile(cfg);
    fs.rmSync(file, { force: true });
    await ensureAdminUser(db, cfg);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const generated = fs.readFileSync(file, "utf8").trim();
    expect(generated.length).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword((await hashOf("demo-admin"))!.passwordHash, generated)).toBe(true);
    // a restart keeps it while it is still the password
    await ensureAdminUser(db, cfg);
    expect(fs.existsSync(file)).toBe(true);
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("my-Own-password3") })
      .where(eq(users.username, "demo-admin"));
    await ensureAdminUser(db, cfg);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses to start with an ADMIN_PASSWORD that Django's validators refuse, setting none", async () => {
    const { db, config } = await ctx();
    for (const [username, adminPassword, why] of [
      ["weak1", "password123", "这个密码太常见了。"],
      ["weak2", "20241231", "密码只包含数字。"],
      ["weak3", "weak3weak", "密码跟 用户名 太相似了。"],
      ["weak4", "运维管理员账号密码", "密码跟 显示名称 太相似了。"],
    ] as const) {
      const cfg = { ...config, adminUsername: username, adminDisplayName: "运维管理员", adminPassword, demoData: false };
      await expect(ensureAdminUser(db, cfg)).rejects.toThrow(`ADMIN_PASSWORD is refused for user "${username}": ${why}`);
      expect((await hashOf(username))!.passwordHash).toBeNull();
      // fixed, the next start sets it
      await ensureAdminUser(db, { ...cfg, adminPassword: "a rare first password" });
      expect(await verifyPassword((await hashOf(username))!.passwordHash, "a rare first password")).toBe(true);
    }
    // once a password is set, ADMIN_PASSWORD is not used, so not checked either
    await ensureAdminUser(db, { ...config, adminUsername: "weak1", adminPassword: "password123", demoData: false });
  });

  it("generates demo passwords that pass the validators", async () => {
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword({ username: "admin", displayName: "管理员" });
      expect(pw).toHaveLength(16);
      expect(passwordProblems(pw, { username: "admin", displayName: "管理员" })).toEqual([]);
    }
  });

  it("without ADMIN_PASSWORD and outside the demo has no password (and cannot log in)", async () => {
    const { db, config } = await ctx();
    await ensureAdminUser(db, { ...config, adminUsername: "nopw", adminPassword: undefined, demoData: false });
    expect((await hashOf("nopw"))!.passwordHash).toBeNull();
  });
});
