import { describe, expect, it } from "vitest";
import { isSafeMethod, readCsrfToken } from "./csrf";

describe("readCsrfToken", () => {
  it("finds the token among other cookies", () => {
    expect(readCsrfToken("lang=zh; zuoye_csrf=abc123; other=1")).toBe("abc123");
    expect(readCsrfToken("zuoye_csrf=abc123")).toBe("abc123");
  });

  it("is undefined without a login, or after a logout cleared it", () => {
    expect(readCsrfToken("lang=en")).toBeUndefined();
    expect(readCsrfToken("zuoye_csrf=")).toBeUndefined();
    expect(readCsrfToken("x_zuoye_csrf=abc")).toBeUndefined();
  });
});

describe("isSafeMethod", () => {
  it("needs a token for every change", () => {
    expect(isSafeMethod(undefined)).toBe(true);
    expect(isSafeMethod("get")).toBe(true);
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) expect(isSafeMethod(m)).toBe(false);
  });
});
