import { describe, expect, it } from "vitest";
import { loginHref, safeNextPath } from "./login-path";

describe("safeNextPath", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeNextPath("/jobs?state=failed&page=2")).toBe("/jobs?state=failed&page=2");
    expect(safeNextPath("/jobs/12")).toBe("/jobs/12");
  });

  it("sends anything that could leave the site to /", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "evil", "javascript:alert(1)", "", null, undefined])
      expect(safeNextPath(bad)).toBe("/");
  });

  it("does not come back to the login page", () => {
    expect(safeNextPath("/login?next=/jobs")).toBe("/");
  });
});

describe("loginHref", () => {
  it("carries the page to come back to", () => {
    expect(loginHref("/jobs?state=failed")).toBe("/login?next=%2Fjobs%3Fstate%3Dfailed");
    expect(loginHref("/")).toBe("/login");
  });
});
