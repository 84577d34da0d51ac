import type { z } from "zod";
import { CSRF_HEADER } from "../auth/cookie-names";
import { isSafeMethod, readCsrfToken } from "./csrf";

export type FieldErrors = Record<string, string[]>;

/** A non-2xx answer of the API, with its DRF body (`{detail}` or `{field: [msgs]}`). */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: unknown,
    /** seconds to wait, from a 429's `Retry-After` */
    public readonly retryAfter: number | null = null,
  ) {
    super(httpErrorMessage(status, body));
  }

  /** DRF validation errors (400 `{field: [msgs]}`), or null for other errors. */
  get fieldErrors(): FieldErrors | null {
    if (this.status !== 400 || !this.body || typeof this.body !== "object" || "detail" in this.body) return null;
    const out: FieldErrors = {};
    for (const [k, v] of Object.entries(this.body)) out[k] = Array.isArray(v) ? v.map(String) : [String(v)];
    return out;
  }
}

function httpErrorMessage(status: number, body: unknown): string {
  if (body && typeof body === "object" && "detail" in body) return String((body as { detail: unknown }).detail);
  return `HTTP ${status}`;
}

/** A network failure or an answer that does not match the contract. */
export class ResponseShapeError extends Error {}

/**
 * A response schema, or a loader of one: an API module that imports its schemas with
 * `import()` keeps zod out of the JavaScript a page needs before its first paint.
 */
export type ResponseSchema<T> = z.ZodType<T> | (() => Promise<z.ZodType<T>>);

/** A loader of one schema of a module loaded with `import()`: `schemaOf(() => import("./job-record"), "JobPage")`. */
export const schemaOf =
  <M, K extends keyof M>(load: () => Promise<M>, key: K) =>
  () =>
    load().then((m) => m[key]);

/**
 * fetch + JSON + DRF errors. With a schema the body is checked, so a contract drift shows
 * as an error state instead of a broken page. A change carries the session's CSRF token.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}, schema?: ResponseSchema<T>): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const csrf = isSafeMethod(init.method) ? undefined : readCsrfToken();
  if (csrf) headers.set(CSRF_HEADER, csrf);
  const res = await fetch(url, { ...init, headers, credentials: "same-origin", cache: "no-store" });
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok) throw new ResponseShapeError(`${url}: not JSON`);
      body = { detail: text.slice(0, 200) };
    }
  }
  if (!res.ok) throw new HttpError(res.status, body, Number(res.headers.get("retry-after")) || null);
  if (!schema) return body as T;
  const parsed = (typeof schema === "function" ? await schema() : schema).safeParse(body);
  if (!parsed.success) throw new ResponseShapeError(`${url}: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export const isNotFound = (e: unknown): boolean => e instanceof HttpError && e.status === 404;

/** No session or token, or one that ended (expired, logged out, password changed elsewhere). */
export const isUnauthenticated = (e: unknown): boolean => e instanceof HttpError && e.status === 401;
