import { describe, expect, it } from "vitest";
import { isScmUrl } from "./project-fields";

describe("isScmUrl", () => {
  it("accepts the forms git understands", () => {
    for (const url of ["https://git.example.com/ops/playbooks.git", "http://h/r.git", "ssh://git@git.example.com:2222/ops/p.git", "git@github.com:ops/p.git", "file:///srv/repo.git"])
      expect(isScmUrl(url), url).toBe(true);
  });

  it("refuses what is not a repository address", () => {
    for (const url of ["not a url", "ftp://h/r.git", "/srv/repo.git", "-uhttps://h/r.git", "https://"]) expect(isScmUrl(url), url).toBe(false);
  });
});
