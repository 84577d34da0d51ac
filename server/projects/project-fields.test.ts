import { describe, expect, it } from "vitest";
import { isScmUrl, scmUrlProblem } from "./project-fields";

describe("isScmUrl", () => {
  it("accepts the forms git understands", () => {
    for (const url of [
      "https://git.example.com/ops/playbooks.git",
      "http://h/r.git",
      "ssh://git@git.example.com:2222/ops/p.git",
      "git@github.com:ops/p.git",
      "file:///srv/repo.git",
      "git://git.example.com/p.git",
    ])
      expect(isScmUrl(url), url).toBe(true);
  });

  it("refuses what is not a repository address", () => {
    for (const url of ["not a url", "ftp://h/r.git", "/srv/repo.git", "-uhttps://h/r.git", "https://"]) expect(isScmUrl(url), url).toBe(false);
  });

  it("refuses what git could read as an option", () => {
    for (const url of ["-u@h:p", "--upload-pack=x@h:p", "git@-oProxyCommand:p", "ssh://-oProxyCommand=x/p", "ext::sh -c x"])
      expect(isScmUrl(url), url).toBe(false);
  });
});

describe("scmUrlProblem", () => {
  it("names a transport GIT_ALLOW_PROTOCOL does not allow", () => {
    expect(scmUrlProblem("https://h/r.git", "https:ssh:git")).toBeNull();
    expect(scmUrlProblem("git@h:r.git", "https:ssh:git")).toBeNull();
    expect(scmUrlProblem("http://h/r.git", "https:ssh:git")).toBe("仓库地址的协议 http 不在 GIT_ALLOW_PROTOCOL（https:ssh:git）允许的范围内。");
    expect(scmUrlProblem("file:///srv/r.git", "https:ssh:git")).toContain("file");
  });
});
