/// <reference types="vite/client" />
import { sql } from "drizzle-orm";
import { getContext } from "@/server/context";

type RouteModule = Record<string, (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>>;

const routes = import.meta.glob<RouteModule>("/app/api/**/route.ts");

type Match = { load: () => Promise<RouteModule>; params: Record<string, string | string[]> };

/** Finds the route module Next would serve for a path: literal segments first, then [param], then [...rest]. */
function matchRoute(pathname: string): Match {
  const segs = pathname.replace(/^\/+|\/+$/g, "").split("/");
  const candidates = Object.keys(routes).map((file) => ({
    file,
    parts: file
      .replace(/^\/app\//, "")
      .replace(/\/route\.ts$/, "")
      .split("/"),
  }));
  const score = (parts: string[]) => parts.map((p) => (p.startsWith("[...") ? 2 : p.startsWith("[") ? 1 : 0));
  let best: { file: string; params: Record<string, string | string[]>; rank: number[] } | undefined;
  for (const { file, parts } of candidates) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const p = parts[i]!;
      if (p.startsWith("[...")) {
        params[p.slice(4, -1)] = segs.slice(i);
        ok = segs.length > i;
        break;
      }
      if (i >= segs.length) ok = false;
      else if (p.startsWith("[")) params[p.slice(1, -1)] = decodeURIComponent(segs[i]!);
      else if (p !== segs[i]) ok = false;
      if (i === parts.length - 1 && segs.length !== parts.length) ok = false;
    }
    if (!ok) continue;
    const rank = score(parts);
    if (!best || rank.join() < best.rank.join()) best = { file, params, rank };
  }
  if (!best) throw new Error(`no route for ${pathname}`);
  const load = routes[best.file];
  if (!load) throw new Error(`no route module for ${best.file}`);
  return { load, params: best.params };
}

export type ApiResponse = { status: number; headers: Headers; text: string; body: any; response?: Response }; // eslint-disable-line @typescript-eslint/no-explicit-any

export type CallOptions = {
  json?: unknown;
  form?: [string, string][] | Record<string, string>;
  multipart?: [string, string][];
  raw?: { contentType: string; body: string };
  headers?: Record<string, string>;
  /** leave the body unread (event streams): the caller reads `response` */
  stream?: boolean;
  /**
   * Who calls: by default the built-in admin with an API token; a user id calls with a
   * token of that user; `null` sends no credentials. An `authorization` or `cookie`
   * header in `headers` is sent as it is instead.
   */
  as?: number | null;
};

const tokenKeys = new Map<number, string>();

/** The `Authorization` header of the built-in admin, for tests that build their own Request. */
export async function adminAuth(): Promise<Record<string, string>> {
  return { authorization: `Token ${await tokenFor((await getContext()).adminUserId)}` };
}

/** An API token key for a user (made once per test file and user). */
export async function tokenFor(userId: number): Promise<string> {
  let key = tokenKeys.get(userId);
  if (!key) {
    const { createToken } = await import("@/server/tokens/create-token");
    key = (await createToken((await getContext()).db, userId, { name: "test" })).key;
    tokenKeys.set(userId, key);
  }
  return key;
}

/** Forgets a user's cached token (a test revoked it): the next call issues a new one. */
export function forgetToken(userId: number): void {
  tokenKeys.delete(userId);
}

/** Calls a route handler in-process with a real Request, as Next would. */
export async function api(method: string, pathAndQuery: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const url = new URL(pathAndQuery, "http://testserver");
  const headers = new Headers({ host: "testserver", ...opts.headers });
  if (!headers.has("authorization") && !headers.has("cookie") && opts.as !== null) {
    const userId = opts.as ?? (await getContext()).adminUserId;
    headers.set("authorization", `Token ${await tokenFor(userId)}`);
  }
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(opts.form as [string, string][]).toString();
  } else if (opts.multipart) {
    const fd = new FormData();
    for (const [k, v] of opts.multipart) fd.append(k, v);
    body = fd;
  } else if (opts.raw) {
    headers.set("content-type", opts.raw.contentType);
    body = opts.raw.body;
  }
  const request = new Request(url, { method, headers, body });
  const { load, params } = matchRoute(url.pathname);
  const mod = await load();
  const handler = mod[method];
  if (!handler) throw new Error(`${method} not exported for ${url.pathname}`);
  const res = await handler(request, { params: Promise.resolve(params) });
  if (opts.stream) return { status: res.status, headers: res.headers, text: "", body: undefined, response: res };
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text && res.headers.get("content-type")?.includes("application/json")) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** Empties every table between tests (ids restart at 1). */
export async function resetDb(): Promise<void> {
  const { db, adminUserId } = await getContext();
  await db.execute(
    sql`truncate jobs, job_counts, templates, projects, inventories, credentials, schedules, job_output_lines, job_events, job_host_summaries, hosts, workers, notifications, notification_outbox, notification_deliveries, retention_settings, saved_filters restart identity`,
  );
  void adminUserId;
}

export async function ctx() {
  return getContext();
}
