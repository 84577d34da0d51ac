import { beforeEach, describe, expect, it } from "vitest";
import { authThrottle } from "@/db/schema";
import { nowSeconds } from "@/lib/time";
import { api, ctx, type ApiResponse } from "../api";
import { browserLogin, makeLoginUser, TEST_PASSWORD } from "../fixtures";

/**
 * Failed password checks are limited per window: 5 per user and address, 20 per user,
 * 50 per address; past a limit even the right password gets 429 with Retry-After.
 */

// the calls come through two reverse proxies: X-Forwarded-For is "client, first proxy" (see
// clientAddress); without TRUST_PROXY the header is ignored (tested below)
process.env.TRUST_PROXY = "2";

const WINDOW = 15 * 60;
let n = 0;

beforeEach(async () => {
  await (await ctx()).db.delete(authThrottle);
});

async function freshUser(role: "viewer" | "operator" = "viewer") {
  const name = `r-user${++n}`;
  await makeLoginUser(name, role);
  return name;
}

const attempt = (path: "login" | "token", username: string, password: string, address: string) =>
  api("POST", `/api/auth/${path}/`, { as: null, json: { username, password }, headers: { "x-forwarded-for": `${address}, 10.99.0.1` } });

function expect429(r: ApiResponse) {
  expect(r.status, r.text).toBe(429);
  const wait = Number(r.headers.get("retry-after"));
  expect(Number.isInteger(wait)).toBe(true);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(WINDOW);
  expect(r.body).toEqual({ detail: `请求超过了限速。预计 ${wait} 秒后可用。` });
  expect(r.headers.get("set-cookie")).toBeNull();
}

async function fail(path: "login" | "token", username: string, address: string, times: number) {
  for (let i = 0; i < times; i++) {
    const r = await attempt(path, username, "wrong password", address);
    expect(r.status, `failure ${i + 1} from ${address}: ${r.text}`).toBe(400);
  }
}

describe("the address a limit counts", () => {
  it("without TRUST_PROXY is not X-Forwarded-For: forged headers do not give a client new addresses", async () => {
    const { config } = await ctx();
    config.trustProxy = 0;
    try {
      const u = await freshUser();
      for (let i = 1; i <= 5; i++) {
        const r = await api("POST", "/api/auth/login/", {
          as: null,
          json: { username: u, password: "wrong password" },
          headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` },
        });
        expect(r.status).toBe(400);
      }
      expect429(
        await api("POST", "/api/auth/login/", { as: null, json: { username: u, password: TEST_PASSWORD }, headers: { "x-forwarded-for": "198.51.100.99" } }),
      );
    } finally {
      config.trustProxy = 2;
    }
  });

  it("behind trusted proxies is the entry they appended: entries a client wrote before it do not count", async () => {
    const u = await freshUser();
    for (let i = 1; i <= 5; i++) {
      const r = await api("POST", "/api/auth/token/", {
        as: null,
        json: { username: u, password: "wrong password" },
        headers: { "x-forwarded-for": `203.0.113.${i}, 192.0.2.30, 10.99.0.1` },
      });
      expect(r.status).toBe(400);
    }
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.30"));
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.31")).status).toBe(200);
  });
});

describe("login rate limit", () => {
  it("after 5 failures for a user from one address, the 6th attempt is 429 even with the right password", async () => {
    const u = await freshUser();
    await fail("login", u, "192.0.2.1", 5);
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.1"));
    expect429(await attempt("token", u, TEST_PASSWORD, "192.0.2.1"));
    // another address still gets in, and so does another user from the first address
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.2")).status).toBe(200);
    const other = await freshUser();
    expect((await attempt("login", other, TEST_PASSWORD, "192.0.2.1")).status).toBe(200);
    // the right password from the blocked address is still refused after that
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.1"));
  });

  it("holds when the guesses come all at once", async () => {
    const u = await freshUser();
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt("login", u, "wrong password", "192.0.2.20")));
    const statuses = answers.map((r) => r.status);
    // only 5 guesses were checked; the rest were refused unchecked
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.20"));
    // and parallel guesses from many addresses stop at the user's limit of 20
    const v = await freshUser();
    const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt("token", v, "wrong password", `198.18.0.${i % 10}`)));
    expect(spread.filter((r) => r.status === 400)).toHaveLength(20);
    expect429(await attempt("token", v, TEST_PASSWORD, "198.18.1.1"));
  });

  it("4 failures leave the right password working", async () => {
    const u = await freshUser();
    await fail("login", u, "192.0.2.3", 4);
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.3")).status).toBe(200);
  });

  it("a successful login resets the counter of that user and address", async () => {
    const u = await freshUser();
    await fail("login", u, "192.0.2.4", 4);
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.4")).status).toBe(200);
    await fail("login", u, "192.0.2.4", 4);
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.4")).status).toBe(200);
    await fail("login", u, "192.0.2.4", 5);
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.4"));
  });

  it("limits a user to 20 failures from all addresses together", async () => {
    const u = await freshUser();
    for (let a = 1; a <= 4; a++) await fail("login", u, `198.51.100.${a}`, 4);
    await fail("login", u, "198.51.100.5", 3);
    // 19 failures: a new address still gets in (which does not reset the user's count)
    expect((await attempt("login", u, TEST_PASSWORD, "198.51.100.6")).status).toBe(200);
    await fail("login", u, "198.51.100.7", 1);
    expect429(await attempt("login", u, TEST_PASSWORD, "198.51.100.8"));
    expect429(await attempt("token", u, TEST_PASSWORD, "198.51.100.9"));
    // the user name's case does not open a second count
    expect429(await attempt("login", u.toUpperCase(), TEST_PASSWORD, "198.51.100.10"));
    // other users are not affected
    expect((await attempt("login", await freshUser(), TEST_PASSWORD, "198.51.100.8")).status).toBe(200);
  });

  it("limits an address to 50 failures whatever the user names", async () => {
    for (let i = 0; i < 50; i++) {
      const r = await attempt("token", `r-guess${i}`, "wrong password", "203.0.113.50");
      expect(r.status).toBe(400);
    }
    const u = await freshUser();
    expect429(await attempt("login", u, TEST_PASSWORD, "203.0.113.50"));
    expect((await attempt("login", u, TEST_PASSWORD, "203.0.113.51")).status).toBe(200);
  });

  it("limits unknown users exactly like existing ones", async () => {
    await fail("login", "r-nobody", "192.0.2.9", 5);
    const unknown = await attempt("login", "r-nobody", TEST_PASSWORD, "192.0.2.9");
    const u = await freshUser();
    await fail("login", u, "192.0.2.9", 5);
    const known = await attempt("login", u, TEST_PASSWORD, "192.0.2.9");
    expect429(unknown);
    expect429(known);
  });

  it("counts POST token/ and POST login/ failures together", async () => {
    const u = await freshUser();
    await fail("token", u, "192.0.2.10", 3);
    await fail("login", u, "192.0.2.10", 2);
    expect429(await attempt("token", u, TEST_PASSWORD, "192.0.2.10"));
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.10"));
  });

  it("POST token/ alone is limited the same way", async () => {
    const u = await freshUser();
    await fail("token", u, "192.0.2.11", 5);
    expect429(await attempt("token", u, TEST_PASSWORD, "192.0.2.11"));
    const other = await attempt("token", u, TEST_PASSWORD, "192.0.2.12");
    expect(other.status).toBe(200);
    expect(other.body.token).toMatch(/^[0-9a-f]{40}$/);
  });

  it("lets the user in again once the window has passed", async () => {
    const u = await freshUser();
    await fail("login", u, "192.0.2.13", 5);
    expect429(await attempt("login", u, TEST_PASSWORD, "192.0.2.13"));
    await (await ctx()).db.update(authThrottle).set({ windowStart: nowSeconds() - WINDOW - 1 });
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.13")).status).toBe(200);
  });

  it("limits guesses of the old password in POST password/", async () => {
    const u = await freshUser();
    const s = await browserLogin(u);
    const change = (old: string) =>
      api("POST", "/api/auth/password/", {
        headers: { cookie: s.cookie, "x-csrftoken": s.csrf, "x-forwarded-for": "192.0.2.14" },
        json: { old_password: old, new_password: "the next password" },
      });
    for (let i = 0; i < 5; i++) expect((await change("wrong guess")).status).toBe(400);
    expect429(await change(TEST_PASSWORD));
    // the password did not change
    expect((await attempt("login", u, TEST_PASSWORD, "192.0.2.15")).status).toBe(200);
  });
});
