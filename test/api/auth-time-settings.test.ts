import { beforeAll, describe, expect, it } from "vitest";
import { ensureAdminUser } from "@/server/auth/ensure-admin-user";
import { getUser } from "@/server/users/get-user";
import { api, ctx, tokenFor, type ApiResponse } from "../api";
import { browserLogin, dbSnapshot, makeLoginUser } from "../fixtures";

/** A user's own time settings on `/api/auth/me/`: the zone the UI shows times in, exact or relative. */

let alice: { id: number };
let bob: { id: number };

beforeAll(async () => {
  alice = await makeLoginUser("clock-alice", "viewer");
  bob = await makeLoginUser("clock-bob", "operator");
  for (const u of [alice, bob]) await tokenFor(u.id);
});

const me = (as: number) => api("GET", "/api/auth/me/", { as });
const patch = (as: number, json: unknown) => api("PATCH", "/api/auth/me/", { as, json });

async function expectUnchanged(run: () => Promise<ApiResponse>, body: unknown) {
  const before = await dbSnapshot();
  const r = await run();
  expect(r.status, r.text).toBe(400);
  expect(r.body).toEqual(body);
  expect(await dbSnapshot()).toEqual(before);
}

describe("/api/auth/me/ time settings", () => {
  it("reads null (the browser's zone) and exact times for a new user", async () => {
    const r = await me(alice.id);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: alice.id, username: "clock-alice", time_zone: null, time_display: "exact" });
  });

  it("changes the caller's zone and display, and nobody else's", async () => {
    const r = await patch(alice.id, { time_zone: "America/New_York", time_display: "relative" });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: alice.id, time_zone: "America/New_York", time_display: "relative", auth: "token" });
    expect((await me(alice.id)).body).toMatchObject({ time_zone: "America/New_York", time_display: "relative" });
    expect((await me(bob.id)).body).toMatchObject({ time_zone: null, time_display: "exact" });

    // one field at a time; the zone's spelling is the one the browsers' list uses
    const zoneOnly = await patch(alice.id, { time_zone: "asia/kolkata" });
    expect(zoneOnly.body).toMatchObject({ time_zone: expect.stringMatching(/^Asia\/(Kolkata|Calcutta)$/), time_display: "relative" });
    expect((await patch(alice.id, { time_display: "exact" })).body).toMatchObject({ time_display: "exact" });

    // null or "" follows the browser again
    expect((await patch(alice.id, { time_zone: null })).body.time_zone).toBeNull();
    await patch(alice.id, { time_zone: "UTC" });
    expect((await api("PATCH", "/api/auth/me/", { as: alice.id, form: { time_zone: "" } })).body.time_zone).toBeNull();
  });

  it("takes a form body and a browser session with its CSRF token", async () => {
    const session = await browserLogin("clock-bob");
    const r = await api("PATCH", "/api/auth/me/", {
      as: null,
      form: { time_zone: "Europe/Berlin" },
      headers: { cookie: session.cookie, "x-csrftoken": session.csrf },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ time_zone: "Europe/Berlin", auth: "session" });
    expect((await me(alice.id)).body.time_zone).not.toBe("Europe/Berlin");
    await patch(bob.id, { time_zone: null });
  });

  it("refuses a zone that is not IANA and a bad display, changing nothing", async () => {
    await patch(alice.id, { time_zone: "Asia/Shanghai", time_display: "exact" });
    await expectUnchanged(() => patch(alice.id, { time_zone: "Mars/Olympus" }), { time_zone: ["“Mars/Olympus” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"] });
    await expectUnchanged(() => patch(alice.id, { time_zone: "+08:00", time_display: "relative" }), {
      time_zone: ["“+08:00” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"],
    });
    await expectUnchanged(() => patch(alice.id, { time_display: "fuzzy" }), { time_display: ["“fuzzy” 不是合法选项。"] });
    await expectUnchanged(() => patch(alice.id, { time_zone: 8 }), { time_zone: ["“8” 不是有效的 IANA 时区（例如 Asia/Shanghai）。"] });
    await expectUnchanged(() => patch(alice.id, { time_zone: "x".repeat(65) }), { time_zone: ["请确保这个字段不能超过 64 个字符。"] });
    expect((await me(alice.id)).body).toMatchObject({ time_zone: "Asia/Shanghai", time_display: "exact" });
  });

  it("needs a login", async () => {
    const before = await dbSnapshot();
    const r = await api("PATCH", "/api/auth/me/", { as: null, json: { time_zone: "UTC" } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: "身份认证信息未提供。" });
    expect((await api("GET", "/api/auth/me/", { as: null })).status).toBe(401);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("gives the built-in admin Asia/Shanghai when it is created, and keeps a zone they chose", async () => {
    const { db, config } = await ctx();
    const cfg = { ...config, adminUsername: "clock-builtin", adminDisplayName: "内置管理员", adminPassword: "a long admin password" };
    const id = await ensureAdminUser(db, cfg);
    expect((await getUser(db, id)).timeZone).toBe("Asia/Shanghai");
    await tokenFor(id);
    await patch(id, { time_zone: "Europe/London" });
    await ensureAdminUser(db, cfg);
    expect((await getUser(db, id)).timeZone).toBe("Europe/London");
  });
});
