import { describe, expect, it } from "vitest";
import { makeRedactor, MASK } from "./redact";

describe("makeRedactor", () => {
  it("masks every occurrence of every secret, longest first", () => {
    const r = makeRedactor(["hunter2", "hunter2-root", ""]);
    expect(r("a hunter2 b hunter2-root c")).toBe(`a ${MASK} b ${MASK} c`);
  });

  it("masks a private key whole and line by line", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n";
    const r = makeRedactor([key]);
    expect(r("line: b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ")).toBe(`line: ${MASK}`);
  });

  it("leaves text alone when there is no secret", () => {
    expect(makeRedactor([])("plain")).toBe("plain");
  });
});
