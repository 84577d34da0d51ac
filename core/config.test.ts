import os from "node:os";
import { describe, expect, it } from "vitest";
import { readConfig as readConfigOf } from "./config";

const readConfig = (vars: Record<string, string>) => readConfigOf({ NODE_ENV: "test", ...vars } as NodeJS.ProcessEnv);

describe("TRUST_PROXY and PUBLIC_URL", () => {
  it("default to no proxy and no public URL", () => {
    expect(readConfig({})).toMatchObject({ trustProxy: 0, publicUrl: undefined });
    expect(readConfig({ TRUST_PROXY: "", PUBLIC_URL: "" })).toMatchObject({ trustProxy: 0, publicUrl: undefined });
  });

  it("take a number of proxies and an origin (normalised: no trailing slash, no default port, lower-case host)", () => {
    expect(readConfig({ TRUST_PROXY: "2", PUBLIC_URL: "https://Ops.Example.com:443/" })).toMatchObject({ trustProxy: 2, publicUrl: "https://ops.example.com" });
    expect(readConfig({ PUBLIC_URL: "http://10.0.0.5:3000" }).publicUrl).toBe("http://10.0.0.5:3000");
    // links in notifications: PUBLIC_URL, else this machine's port
    expect(readConfig({ PUBLIC_URL: "https://ops.example.com" }).linkBaseUrl).toBe("https://ops.example.com");
    expect(readConfig({ PORT: "3100" }).linkBaseUrl).toBe("http://localhost:3100");
  });

  it("stop the start with a message naming the variable", () => {
    for (const [env, name] of [
      [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
      [{ TRUST_PROXY: "-1" }, "TRUST_PROXY"],
      [{ TRUST_PROXY: "1.5" }, "TRUST_PROXY"],
      [{ PUBLIC_URL: "ops.example.com" }, "PUBLIC_URL"],
      [{ PUBLIC_URL: "https://ops.example.com/zuoye" }, "PUBLIC_URL"],
      [{ PUBLIC_URL: "https://ops.example.com/?a=1" }, "PUBLIC_URL"],
      [{ PUBLIC_URL: "ftp://ops.example.com" }, "PUBLIC_URL"],
    ] as [Record<string, string>, string][]) {
      expect(() => readConfig(env), JSON.stringify(env)).toThrow(new RegExp(`Invalid configuration:\\n  ${name}: `));
    }
  });
});

describe("WEB_CONCURRENCY", () => {
  it("defaults to one web process per core with PostgreSQL, and to one on the embedded database", () => {
    expect(readConfig({ DATABASE_URL: "postgres://db/app" }).webConcurrency).toBe(os.availableParallelism());
    expect(readConfig({}).webConcurrency).toBe(1);
    expect(readConfig({ WEB_CONCURRENCY: "" }).webConcurrency).toBe(1);
    expect(readConfig({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: "6" }).webConcurrency).toBe(6);
    expect(readConfig({ WEB_CONCURRENCY: "1" }).webConcurrency).toBe(1);
  });

  it("refuses more than one process on the embedded database, and what is not a count", () => {
    expect(() => readConfig({ WEB_CONCURRENCY: "2" })).toThrow(
      /Invalid configuration:\n {2}WEB_CONCURRENCY: 2 web processes need DATABASE_URL \(PostgreSQL\): the embedded database is one file-backed PGlite/,
    );
    for (const bad of ["0", "-1", "1.5", "many"]) {
      expect(() => readConfig({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: bad }), bad).toThrow(/Invalid configuration:\n {2}WEB_CONCURRENCY: /);
    }
  });

  it("tells a web process its number under the launcher", () => {
    expect(readConfig({}).webProcess).toBeUndefined();
    expect(readConfig({ DATABASE_URL: "postgres://db/app", ZUOYE_WEB_PROCESS: "2" }).webProcess).toBe(2);
  });
});

describe("KEEP_ALIVE_SECONDS", () => {
  it("keeps idle connections 65 s unless set, and refuses what is not a number of seconds", () => {
    expect(readConfig({}).keepAliveSeconds).toBe(65);
    expect(readConfig({ KEEP_ALIVE_SECONDS: "120" }).keepAliveSeconds).toBe(120);
    for (const bad of ["0", "-5", "2.5", "soon", "3601"]) {
      expect(() => readConfig({ KEEP_ALIVE_SECONDS: bad }), bad).toThrow(/Invalid configuration:\n {2}KEEP_ALIVE_SECONDS: /);
    }
  });
});
