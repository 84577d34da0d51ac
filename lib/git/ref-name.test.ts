import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { refNameProblem } from "./ref-name";

/** git's own answer, outside any repository (so `@` is not expanded). */
function gitAccepts(name: string): boolean {
  return spawnSync("git", ["check-ref-format", "--branch", name], { cwd: "/", stdio: "ignore" }).status === 0;
}

const NAMES = [
  "main",
  "master",
  "feature/x-y_z",
  "release/1.2",
  "v1.0",
  "v1.0.0-rc.1",
  "head",
  "é",
  "分支",
  "a@b",
  "x@",
  "@x",
  "@",
  "a/@",
  "a{b",
  "a}b",
  "a!b",
  "a#b",
  "a%b",
  "a'b",
  'a"b',
  "a,b",
  "a;b",
  "a=b",
  "a+b",
  "a|b",
  "a<b",
  "a>b",
  "a&b",
  "a$b",
  "a./b",
  "a/-b",
  "0123456789abcdef0123456789abcdef01234567",
  "refs/heads/main",
  "a.lockx",
  "lock",
  "x.lock.y",
  "-a",
  "--upload-pack=touch /tmp/x; echo",
  "-",
  "HEAD",
  "a.",
  ".a",
  "a/.b",
  "a.lock",
  "a.lock/b",
  "a/b.lock",
  "a//b",
  "/a",
  "a/",
  "a..b",
  "a b",
  "a\tb",
  "a\nb",
  "a~b",
  "a^b",
  "a:b",
  "a?b",
  "a*b",
  "a[b",
  "a\\b",
  "a@{b",
  "@{-1}",
  "a/./b",
  "a/../b",
  ".",
  "..",
  "a..",
  "a\u007fb",
  "a\u0001b",
  "a]b",
];

describe("refNameProblem", () => {
  it("agrees with git check-ref-format --branch", () => {
    for (const name of NAMES) expect(refNameProblem(name) === null, JSON.stringify(name)).toBe(gitAccepts(name));
  });

  it("agrees with git on random names built from the characters that matter", () => {
    const alphabet = ["a", "b", ".", "/", "-", "@", "{", "lock", "~", " ", ":", "*", "HEAD", "\\", "é"];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 120; i++) {
      const name = Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      expect(refNameProblem(name) === null, JSON.stringify(name)).toBe(gitAccepts(name));
    }
  });

  it("refuses an empty name (the callers treat empty as the remote's default branch)", () => {
    expect(refNameProblem("")).not.toBeNull();
  });
});
