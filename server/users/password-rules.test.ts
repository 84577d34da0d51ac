import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords";
import { passwordProblems, quickRatio } from "./password-rules";

/** Django's four default validators; expected answers computed with Django 5.2 and Python's difflib. */

const SHORT = "密码长度太短。密码必须包含至少 8 个字符。";
const COMMON = "这个密码太常见了。";
const NUMERIC = "密码只包含数字。";
const LIKE_USERNAME = "密码跟 用户名 太相似了。";
const LIKE_DISPLAY_NAME = "密码跟 显示名称 太相似了。";

describe("passwordProblems", () => {
  it("answers Django's zh-hans messages, in Django's validator order", () => {
    expect(passwordProblems("1234567", { username: "shorty" })).toEqual([SHORT, COMMON, NUMERIC]);
    expect(passwordProblems("12345678", { username: "x" })).toEqual([COMMON, NUMERIC]);
    expect(passwordProblems("98765432101", { username: "x" })).toEqual([NUMERIC]);
    expect(passwordProblems("１２３４５６７８", { username: "x" })).toEqual([NUMERIC]);
    expect(passwordProblems("short", { username: "x" })).toEqual([SHORT]);
    expect(passwordProblems("monkey", { username: "x" })).toEqual([SHORT, COMMON]);
  });

  it("refuses Django's common passwords whatever their case and surrounding blanks", () => {
    for (const pw of ["password", "Password1", "QWERTYUIOP", "iloveyou", "letmein!", " password "])
      expect(passwordProblems(pw, { username: "x" }), pw).toEqual([COMMON]);
  });

  it("refuses a password too like the user name, the display name or a part of either (quick_ratio ≥ 0.7)", () => {
    expect(passwordProblems("SameSame", { username: "samesame" })).toEqual([LIKE_USERNAME]);
    expect(passwordProblems("U-VIEWER", { username: "u-viewer" })).toEqual([LIKE_USERNAME]);
    expect(passwordProblems("fly.yao2024", { username: "fly.yao", displayName: "fly yao" })).toEqual([LIKE_USERNAME]);
    expect(passwordProblems("yaofly123", { username: "admin", displayName: "fly yao" })).toEqual([LIKE_DISPLAY_NAME]);
  });

  it("accepts what Django accepts", () => {
    for (const [pw, username, displayName] of [
      ["correct horse battery", "m-viewer", undefined],
      ["张三的密码123", "zhang.san", "张三"],
      ["命令行设置的密码 pw-7731", "cli-op", "命令行 操作员"],
      ["operator-password-1", "op-1", "值班操作员"],
      ["e2e-admin-password", "admin", "管理员"],
      ["administrator1", "admin", "管理员"],
      ["zhangsan-password-1", "zhangsan", "张三"],
    ] as const) {
      expect(passwordProblems(pw, { username, displayName }), pw).toEqual([]);
    }
    // six characters of the display name twice over: short, but not "too similar" (6/9 < 0.7)
    expect(passwordProblems("管理员管理员", { username: "admin", displayName: "管理员" })).toEqual([SHORT]);
  });
});

describe("quickRatio", () => {
  it("is difflib's SequenceMatcher.quick_ratio over code points", () => {
    const r = (a: string, b: string) => quickRatio(Array.from(a), Array.from(b));
    expect(r("fly.yao2024", "fly.yao")).toBeCloseTo(0.7777777777777778, 12);
    expect(r("abcabc", "aabbxx")).toBeCloseTo(0.6666666666666666, 12);
    expect(r("张三的密码", "张三")).toBeCloseTo(0.5714285714285714, 12);
    expect(r("", "")).toBe(1);
  });
});

describe("the common password list", () => {
  it("is Django 5.2's file, byte for byte: 19,640 lowercased passwords (20,000 before deduplication)", () => {
    const file = path.join(process.cwd(), "server", "users", "common-passwords.txt.gz");
    expect(crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe("3c1baed62596de36860824eb3f436d5932d37ca8b06e59df78f5a44ec175afe4");
    const list = commonPasswords();
    expect(list.size).toBe(19640);
    expect(list.has("123456")).toBe(true);
    expect([...list].every((p) => p === p.toLowerCase())).toBe(true);
  });
});
