import { describe, expect, it } from "vitest";
import { makeRedactor, MASK, redactValue } from "./redact";

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

  it("masks a secret also as Ansible prints it escaped: JSON, ASCII-only JSON, Python's repr", () => {
    const secret = `a"b\\c'密`;
    const r = makeRedactor([secret]);
    expect(r(`"msg": ${JSON.stringify(secret)}`)).toBe(`"msg": "${MASK}"`);
    expect(r(`"msg": "a\\"b\\\\c'\\u5bc6"`)).toBe(`"msg": "${MASK}"`);
    expect(r(`list=['a"b\\\\c\\'密']`)).toBe(`list=['${MASK}']`);
    expect(r(`"msg": "list=['a\\"b\\\\\\\\c\\\\'密']"`)).toBe(`"msg": "list=['${MASK}']"`);
  });
});

describe("redactValue", () => {
  const r = makeRedactor([`pw"123456`, "654321"]);

  it("masks strings and keys at any depth, and a number that spells a secret", () => {
    expect(redactValue({ msg: `x pw"123456 y`, cmd: ["echo", `pw"123456`], [`k pw"123456`]: 1, rc: 654321, n: 2 }, r)).toEqual({
      msg: `x ${MASK} y`,
      cmd: ["echo", MASK],
      [`k ${MASK}`]: 1,
      rc: MASK,
      n: 2,
    });
  });

  it("drops data in which a secret is spread over several values", () => {
    const split = makeRedactor([`a","b`]);
    expect(redactValue({ list: ["a", "b"] }, split)).toEqual({ redacted: MASK });
  });
});
