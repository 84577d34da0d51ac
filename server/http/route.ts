import { resolveUser, type CurrentUser } from "../auth/current-user";
import { getContext, type AppContext } from "../context";
import { readBody, type RequestBody } from "./body";
import { ApiError, MethodNotAllowed, NotFound } from "./errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

export type ApiRequest<P> = {
  request: Request;
  url: URL;
  params: P;
  ctx: AppContext;
  user: CurrentUser;
  body: () => Promise<RequestBody>;
};

type Handler<P> = (req: ApiRequest<P>) => Promise<Response>;
type NextHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Wraps a route's handlers once: context, identity, body parsing and the mapping of
 * typed errors to DRF-shaped answers. Every method is exported so that the ones a route
 * lacks answer DRF's 405 body instead of Next's empty one.
 */
export function drfRoute<P = Record<string, never>>(handlers: Partial<Record<Method, Handler<P>>>): Record<Method, NextHandler> {
  const allowed = METHODS.filter((m) => handlers[m]);
  const out = {} as Record<Method, NextHandler>;
  for (const method of METHODS) {
    out[method] = async (request, context) => {
      try {
        const ctx = await getContext();
        const user = await resolveUser(ctx, request);
        const handler = handlers[method];
        if (!handler) throw new MethodNotAllowed(method, [...allowed, "OPTIONS"]);
        let cached: Promise<RequestBody> | undefined;
        return await handler({
          request,
          url: new URL(request.url),
          params: (await context.params) as P,
          ctx,
          user,
          body: () => (cached ??= readBody(request)),
        });
      } catch (e) {
        return errorResponse(e);
      }
    };
  }
  return out;
}

export function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) {
    const res = json(e.body, e.status);
    for (const [k, v] of Object.entries(e.headers)) res.headers.set(k, v);
    return res;
  }
  console.error("[api] unexpected error", e);
  return json({ detail: "服务器内部错误。" }, 500);
}

/** A path id as DRF's router matches it: digits only, else 404. */
export function pathId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new NotFound();
  return Number(raw);
}
