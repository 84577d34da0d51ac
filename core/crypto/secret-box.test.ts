import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { secretBox } from "./secret-box";

describe("secretBox", () => {
  it("seals and opens with SECRET_KEY; a wrong key cannot open", () => {
    const box = secretBox({ secretKey: "a-long-enough-secret-key", dataDir: "/nonexistent" });
    const sealed = box.seal("hunter2 密码");
    expect(sealed).toMatch(/^\$aes256gcm\$v1\$/);
    expect(sealed).not.toContain("hunter2");
    expect(box.seal("hunter2 密码")).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe("hunter2 密码");
    expect(() => secretBox({ secretKey: "another-secret-key-entirely", dataDir: "/nonexistent" }).open(sealed)).toThrow();
    expect(box.seal("")).toBe("");
    expect(box.open("stored-before-encryption")).toBe("stored-before-encryption");
  });

  it("creates a 0600 key file in the data directory when there is no SECRET_KEY", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-key-"));
    const sealed = secretBox({ secretKey: undefined, dataDir: dir }).seal("x");
    const file = path.join(dir, "secret.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(secretBox({ secretKey: undefined, dataDir: dir }).open(sealed)).toBe("x");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
