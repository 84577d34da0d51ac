/// <reference types="vite/client" />
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { hosts, jobHostSummaries, notifications, savedFilters } from "@/db/schema";
import { createToken } from "@/server/tokens/create-token";
import { api, ctx, forgetToken, tokenFor, type CallOptions } from "../api";
import { dbSnapshot, importBody, makeCatalog, makeLoginUser, makeUser, TEST_PASSWORD } from "../fixtures";

/**
 * Every route file under app/api × every method × {no auth, bad token, viewer, operator,
 * admin} → the expected status (and, for refusals, the contract's body). A route file
 * without an entry here fails the first test, so a new endpoint cannot skip the matrix.
 */

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
const CALLERS = ["anon", "bad", "viewer", "operator", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Role = "viewer" | "operator" | "admin";
const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The ids a path is built from: real objects, or all unknown. */
type Ids = {
  project: number;
  inventory: number;
  credential: number;
  template: number;
  schedule: number;
  job: number;
  newJob: number;
  user: number;
  token: number;
  host: number;
  notification: number;
  /** one of the world's token owner's saved filters */
  savedFilter: number;
};

type Serve = {
  /** status of an allowed call on real objects */
  ok: number;
  body?: (ids: Ids) => CallOptions;
  /** a read that streams (the body is not read) */
  stream?: boolean;
  /** revokes the caller's own tokens, the one the call was made with among them */
  revokesCallerTokens?: boolean;
};

type Entry = {
  path: (ids: Ids) => string;
  /** public routes (login, logout, token, the catch-all) answer the same to every caller */
  public?: boolean;
  /**
   * objects only their owner sees (saved filters): every caller gets 404 on another's, the
   * owner the allowed status (checked on a world of the caller's own)
   */
  own?: true;
  /** the least role per method, where the route differs from "GET: viewer, changes: operator" */
  need?: Partial<Record<Method, Role>>;
  serves: Partial<Record<Method, Serve>>;
};

let seq = 0;
const uniq = () => `${process.pid}-${++seq}`;
const ADMIN_ONLY: Partial<Record<Method, Role>> = { GET: "admin", POST: "admin", PUT: "admin", PATCH: "admin", DELETE: "admin" };

const templateBody = (ids: Ids) => ({ name: `t-${uniq()}`, project: ids.project, playbook: "main.yml", inventory: ids.inventory, credential: ids.credential });
const notificationBody = () => ({ name: `n-${uniq()}`, kind: "webhook", url: "http://127.0.0.1:1/hook", events: ["failed"] });
const projectBody = () => ({ name: `p-${uniq()}`, scm_type: "manual", local_path: "matrix" });

const MATRIX: Record<string, Entry> = {
  "/app/api/[...rest]/route.ts": {
    path: () => "/api/no/such/thing/",
    public: true,
    serves: { GET: { ok: 404 }, POST: { ok: 404 }, PUT: { ok: 404 }, PATCH: { ok: 404 }, DELETE: { ok: 404 } },
  },
  "/app/api/auth/login/route.ts": {
    path: () => "/api/auth/login/",
    public: true,
    serves: { POST: { ok: 200, body: () => ({ json: { username: "m-viewer", password: TEST_PASSWORD } }) } },
  },
  "/app/api/auth/logout/route.ts": { path: () => "/api/auth/logout/", public: true, serves: { POST: { ok: 204 } } },
  "/app/api/auth/token/route.ts": {
    path: () => "/api/auth/token/",
    public: true,
    serves: { POST: { ok: 200, body: () => ({ form: { username: "m-viewer", password: TEST_PASSWORD } }) } },
  },
  "/app/api/auth/me/route.ts": {
    path: () => "/api/auth/me/",
    need: { PATCH: "viewer" },
    serves: { GET: { ok: 200 }, PATCH: { ok: 200, body: () => ({ json: { time_display: "exact" } }) } },
  },
  "/app/api/auth/password/route.ts": {
    path: () => "/api/auth/password/",
    need: { POST: "viewer" },
    serves: { POST: { ok: 204, body: () => ({ json: { old_password: TEST_PASSWORD, new_password: TEST_PASSWORD } }) } },
  },
  "/app/api/auth/tokens/route.ts": {
    path: () => "/api/auth/tokens/",
    need: { POST: "viewer", DELETE: "viewer" },
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { name: "matrix" } }) }, DELETE: { ok: 204, revokesCallerTokens: true } },
  },
  "/app/api/auth/tokens/[id]/route.ts": { path: (i) => `/api/auth/tokens/${i.token}/`, need: { DELETE: "viewer" }, serves: { DELETE: { ok: 204 } } },
  "/app/api/auth/users/route.ts": {
    path: () => "/api/auth/users/",
    need: ADMIN_ONLY,
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { username: `u${uniq()}`, password: "long enough pw", role: "viewer" } }) } },
  },
  "/app/api/auth/users/[id]/route.ts": {
    path: (i) => `/api/auth/users/${i.user}/`,
    need: ADMIN_ONLY,
    serves: { GET: { ok: 200 }, PATCH: { ok: 200, body: () => ({ json: { display_name: "改过的名字" } }) } },
  },
  "/app/api/job/credential/route.ts": {
    path: () => "/api/job/credential/",
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { name: `c-${uniq()}`, username: "u", password: "pw" } }) } },
  },
  "/app/api/job/credential/[id]/route.ts": {
    path: (i) => `/api/job/credential/${i.credential}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: { name: `c-${uniq()}`, username: "other" } }) },
      PATCH: { ok: 200, body: () => ({ json: { description: "x" } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/inventory/route.ts": {
    path: () => "/api/job/inventory/",
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { name: `i-${uniq()}`, content: "[web]\nh1\n" } }) } },
  },
  "/app/api/job/inventory/[id]/route.ts": {
    path: (i) => `/api/job/inventory/${i.inventory}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: { name: `i-${uniq()}`, content: "h2\n" } }) },
      PATCH: { ok: 200, body: () => ({ json: { description: "x" } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/project/route.ts": { path: () => "/api/job/project/", serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: projectBody() }) } } },
  "/app/api/job/project/folders/route.ts": { path: () => "/api/job/project/folders/", serves: { GET: { ok: 200 } } },
  "/app/api/job/project/[id]/route.ts": {
    path: (i) => `/api/job/project/${i.project}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: projectBody() }) },
      PATCH: { ok: 200, body: () => ({ json: { description: "x" } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/project/[id]/update/route.ts": { path: (i) => `/api/job/project/${i.project}/update/`, serves: { POST: { ok: 200 } } },
  "/app/api/job/template/route.ts": {
    path: () => "/api/job/template/",
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: (i) => ({ json: templateBody(i) }) } },
  },
  "/app/api/job/template/[id]/route.ts": {
    path: (i) => `/api/job/template/${i.template}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: (i) => ({ json: templateBody(i) }) },
      PATCH: { ok: 200, body: () => ({ json: { forks: 7 } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/template/[id]/launch/route.ts": {
    path: (i) => `/api/job/template/${i.template}/launch/`,
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { limit: "web" } }) } },
  },
  "/app/api/job/schedule/route.ts": {
    path: () => "/api/job/schedule/",
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: (i) => ({ json: { name: `s-${uniq()}`, template: i.template, cron: "0 3 * * *" } }) } },
  },
  "/app/api/job/schedule/[id]/route.ts": {
    path: (i) => `/api/job/schedule/${i.schedule}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: (i) => ({ json: { name: `s-${uniq()}`, template: i.template, cron: "0 4 * * *" } }) },
      PATCH: { ok: 200, body: () => ({ json: { enabled: false } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/schedule/[id]/launch/route.ts": { path: (i) => `/api/job/schedule/${i.schedule}/launch/`, serves: { POST: { ok: 201 } } },
  "/app/api/job/job/route.ts": {
    path: () => "/api/job/job/",
    serves: {
      GET: { ok: 200 },
      POST: { ok: 201, body: (i) => ({ json: { template: i.template } }) },
      DELETE: { ok: 204, body: (i) => ({ json: { pk: [i.job] } }) },
    },
  },
  "/app/api/job/job/[id]/route.ts": {
    path: (i) => `/api/job/job/${i.job}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: { limit: "db" } }) },
      PATCH: { ok: 200, body: () => ({ json: { limit: "db" } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/job/[id]/cancel/route.ts": { path: (i) => `/api/job/job/${i.newJob}/cancel/`, serves: { POST: { ok: 202 } } },
  "/app/api/job/job/[id]/relaunch/route.ts": { path: (i) => `/api/job/job/${i.job}/relaunch/`, serves: { GET: { ok: 200 }, POST: { ok: 201 } } },
  "/app/api/job/job/[id]/events/route.ts": { path: (i) => `/api/job/job/${i.job}/events/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/outline/route.ts": { path: (i) => `/api/job/job/${i.job}/outline/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/hosts/route.ts": { path: (i) => `/api/job/job/${i.job}/hosts/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/lines/route.ts": { path: (i) => `/api/job/job/${i.job}/lines/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/stdout/route.ts": { path: (i) => `/api/job/job/${i.job}/stdout/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/compare/route.ts": { path: (i) => `/api/job/job/${i.job}/compare/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/compare/[other]/route.ts": { path: (i) => `/api/job/job/${i.job}/compare/${i.job}/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/compare/[other]/output/route.ts": {
    path: (i) => `/api/job/job/${i.job}/compare/${i.job}/output/`,
    serves: { GET: { ok: 200 } },
  },
  "/app/api/job/host/route.ts": { path: () => "/api/job/host/", serves: { GET: { ok: 200 } } },
  "/app/api/job/stats/route.ts": { path: () => "/api/job/stats/", serves: { GET: { ok: 200 } } },
  "/app/api/job/host/[id]/route.ts": { path: (i) => `/api/job/host/${i.host}/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/host/[id]/results/route.ts": { path: (i) => `/api/job/host/${i.host}/results/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/job/[id]/stream/route.ts": { path: (i) => `/api/job/job/${i.job}/stream/`, serves: { GET: { ok: 200, stream: true } } },
  "/app/api/job/job/stream/route.ts": { path: () => "/api/job/job/stream/", serves: { GET: { ok: 200, stream: true } } },
  "/app/api/job/notification/route.ts": {
    path: () => "/api/job/notification/",
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: notificationBody() }) } },
  },
  "/app/api/job/notification/[id]/route.ts": {
    path: (i) => `/api/job/notification/${i.notification}/`,
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: notificationBody() }) },
      PATCH: { ok: 200, body: () => ({ json: { enabled: false } }) },
      DELETE: { ok: 204 },
    },
  },
  "/app/api/job/notification/[id]/deliveries/route.ts": { path: (i) => `/api/job/notification/${i.notification}/deliveries/`, serves: { GET: { ok: 200 } } },
  "/app/api/job/settings/retention/route.ts": {
    path: () => "/api/job/settings/retention/",
    need: { PUT: "admin", PATCH: "admin" },
    serves: {
      GET: { ok: 200 },
      PUT: { ok: 200, body: () => ({ json: { keep_per_template: 5 } }) },
      PATCH: { ok: 200, body: () => ({ json: { run_at: "02:00" } }) },
    },
  },
  "/app/api/job/settings/retention/run/route.ts": {
    path: () => "/api/job/settings/retention/run/",
    need: { POST: "admin" },
    serves: { POST: { ok: 200, body: () => ({ json: { dry_run: true } }) } },
  },
  "/app/api/job/saved-filter/route.ts": {
    path: () => "/api/job/saved-filter/",
    need: { POST: "viewer" },
    serves: { GET: { ok: 200 }, POST: { ok: 201, body: () => ({ json: { name: `f-${uniq()}`, query: "state=failed" } }) } },
  },
  "/app/api/job/saved-filter/[id]/route.ts": {
    path: (i) => `/api/job/saved-filter/${i.savedFilter}/`,
    own: true,
    need: { PATCH: "viewer", DELETE: "viewer" },
    serves: { GET: { ok: 200 }, PATCH: { ok: 200, body: () => ({ json: { name: `f-${uniq()}` } }) }, DELETE: { ok: 204 } },
  },
  // sends a sample message (to a port nothing listens on: the attempt fails fast, and is logged)
  "/app/api/job/notification/[id]/test/route.ts": { path: (i) => `/api/job/notification/${i.notification}/test/`, serves: { POST: { ok: 200 } } },
};

const UNKNOWN: Ids = {
  project: 999999,
  inventory: 999999,
  credential: 999999,
  template: 999999,
  schedule: 999999,
  job: 999999,
  newJob: 999999,
  user: 999999,
  token: 999999,
  host: 999999,
  notification: 999999,
  savedFilter: 999999,
};

const users = {} as Record<"viewer" | "operator" | "admin", { id: number }>;

beforeAll(async () => {
  const dir = path.join((await ctx()).config.projectsRoot, "matrix");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.yml"), "- hosts: all\n  tasks: []\n");
  users.viewer = await makeLoginUser("m-viewer", "viewer");
  users.operator = await makeLoginUser("m-operator", "operator");
  users.admin = await makeLoginUser("m-admin", "admin");
  // the harness issues a token on a user's first call: do it now, outside any before/after comparison
  for (const u of Object.values(users)) await tokenFor(u.id);
});

/** Real objects of every kind (a fresh set for each allowed change, so each one has something to change). */
async function makeWorld(tokenOwner: number): Promise<Ids> {
  const c = await makeCatalog(`-${uniq()}`);
  const done = await api("POST", "/api/job/job/", { json: importBody({ template: c.template.id }) });
  const fresh = await api("POST", "/api/job/job/", { json: { template: c.template.id } });
  if (done.status !== 201 || fresh.status !== 201) throw new Error(`jobs: ${done.text} ${fresh.text}`);
  const user = await makeUser(`target-${uniq()}`, "目标用户", "viewer");
  const token = await createToken((await ctx()).db, tokenOwner, { name: "to revoke" });
  // a result of the imported job on a host (as the executor writes them): the host is then listed
  const name = `h-${uniq()}`;
  await (await ctx()).db.insert(jobHostSummaries).values({ jobId: done.body.id, host: name, ok: 1 });
  const [host] = await (await ctx()).db.select().from(hosts).where(eq(hosts.name, name));
  const [notification] = await (
    await ctx()
  ).db
    .insert(notifications)
    .values({ name: `n-${uniq()}`, kind: "webhook", url: "http://127.0.0.1:1/hook", events: ["failed"], ctime: 1 })
    .returning();
  const [savedFilter] = await (
    await ctx()
  ).db
    .insert(savedFilters)
    .values({ userId: tokenOwner, name: `f-${uniq()}`, query: "kind=adhoc", ctime: 1 })
    .returning();
  return {
    project: c.project.id,
    inventory: c.inventory.id,
    credential: c.credential.id,
    template: c.template.id,
    schedule: c.schedule.id,
    job: done.body.id,
    newJob: fresh.body.id,
    user: user!.id,
    token: token.id,
    host: host!.id,
    notification: notification!.id,
    savedFilter: savedFilter!.id,
  };
}

const BAD_KEY = "0123456789abcdef0123456789abcdef01234567";

async function call(caller: Caller, method: Method, path: string, serve: Serve | undefined, bodyIds: Ids) {
  const opts: CallOptions = { ...(serve?.body?.(bodyIds) ?? {}), stream: serve?.stream };
  if (caller === "anon") opts.as = null;
  else if (caller === "bad") opts.headers = { authorization: `Token ${BAD_KEY}` };
  else opts.as = users[caller].id;
  const r = await api(method, path, opts);
  if (serve?.revokesCallerTokens && r.status === 204 && typeof opts.as === "number") {
    // a new one now, so that no later before/after comparison sees it being issued
    forgetToken(opts.as);
    await tokenFor(opts.as);
  }
  if (r.response) {
    // an event stream stays open: only a refusal's body is read
    if (r.status === 200) await r.response.body?.cancel();
    else r.body = await r.response.json();
  }
  const detail = typeof r.body?.detail === "string" ? ` ${r.body.detail}` : "";
  const challenge = r.status === 401 ? ` [${r.headers.get("www-authenticate")}]` : "";
  return r.status >= 400 && r.status !== 404 ? `${r.status}${detail}${challenge}` : String(r.status);
}

/** What a caller should get. `found`: the path names real objects; `owner`: the caller owns them (see `own`). */
function expected(entry: Entry, method: Method, caller: Caller, found: boolean, owner = !entry.own): string {
  const serve = entry.serves[method];
  const notAllowed = `405 方法 “${method}” 不被允许。`;
  if (entry.public) return serve ? String(serve.ok) : notAllowed;
  if (caller === "anon") return "401 身份认证信息未提供。 [Token]";
  if (caller === "bad") return "401 认证令牌无效。 [Token]";
  const need = entry.need?.[method] ?? (method === "GET" ? "viewer" : "operator");
  if (RANK[caller] < RANK[need]) return "403 您没有执行该操作的权限。";
  if (!serve) return notAllowed;
  return found && owner ? String(serve.ok) : "404";
}

/** A call that must leave the database as it was: refused, or a read. */
function changesNothing(entry: Entry, method: Method, caller: Caller): boolean {
  const e = expected(entry, method, caller, true);
  return !/^2/.test(e) || method === "GET" || e === "404";
}

describe("auth matrix", () => {
  it("has an entry for every route file, and each route exports exactly the five methods", async () => {
    const files = import.meta.glob<Record<string, unknown>>("/app/api/**/route.ts");
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(files).sort());
    for (const [file, load] of Object.entries(files)) {
      const mod = await load();
      const handlers = Object.keys(mod)
        .filter((k) => typeof mod[k] === "function")
        .sort();
      expect(handlers, file).toEqual([...METHODS].sort());
    }
  });

  for (const [file, entry] of Object.entries(MATRIX)) {
    const route = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "/");
    it(`${route}: ${CALLERS.join(", ")} × ${METHODS.join(", ")}`, async () => {
      const world = await makeWorld((await ctx()).adminUserId);
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};

      // refusals and reads first: none of them may change a row
      const before = await dbSnapshot();
      for (const method of METHODS) {
        for (const caller of CALLERS) {
          const key = `${method} ${caller}`;
          if (changesNothing(entry, method, caller)) {
            want[key] = expected(entry, method, caller, true);
            got[key] = await call(caller, method, entry.path(world), entry.serves[method], world);
          }
          // authentication and the role come before the object lookup: 401/403 for unknown ids too
          if (!entry.public && entry.path(UNKNOWN) !== entry.path(world)) {
            want[`${key} unknown id`] = expected(entry, method, caller, false);
            got[`${key} unknown id`] = await call(caller, method, entry.path(UNKNOWN), entry.serves[method], world);
          }
        }
      }
      // public routes log in and issue tokens: only the others must leave no trace
      if (!entry.public) expect(await dbSnapshot(), "a refused call or a read changed the database").toEqual(before);

      // allowed changes, each on objects of its own; on owned objects, every allowed call by their owner
      for (const method of METHODS) {
        for (const caller of CALLERS) {
          const byOwner = entry.own === true && /^2/.test(expected(entry, method, caller, true, true));
          if (!byOwner && changesNothing(entry, method, caller)) continue;
          const own = await makeWorld(caller === "anon" || caller === "bad" ? (await ctx()).adminUserId : users[caller].id);
          const key = `${method} ${caller}${byOwner ? " (owner)" : ""}`;
          want[key] = expected(entry, method, caller, true, true);
          got[key] = await call(caller, method, entry.path(own), entry.serves[method], own);
        }
      }
      expect(got).toEqual(want);
    });
  }
});
