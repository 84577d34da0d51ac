import { Forbidden, NotFound } from "@/core/errors";
import { parseId } from "@/lib/ids";
import { authenticate } from "../auth/authenticate";
import type { CurrentUser } from "../auth/current-user";
import { defaultRole, hasRole, type Role } from "../auth/roles";
import { getContext, type AppContext } from "../context";
import { readBody, type RequestBody } from "./body";
import { siteOrigin } from "./client-address";
import { errorResponse } from "./error-response";
import { MethodNotAllowed } from "./request-errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type BaseRequest<P> = {
  request: Request;
  /** the request's path and query on this site's origin (PUBLIC_URL, or as the request says): links are built on it */
  url: URL;
  params: P;
  ctx: AppContext;
  body: () => Promise<RequestBody>;
};

export type ApiRequest<P> = BaseRequest<P> & { user: CurrentUser };

type Handler<P> = (req: ApiRequest<P>) => Promise<Response>;
type PublicHandler<P> = (req: BaseRequest<P>) => Promise<Response>;
type NextHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type RouteOptions = {
  /** the least role each method needs; default: GET for every user, changes for operators */
  roles?: Partial<Record<Method, Role>>;
};

/**
 * Wraps a route's handlers once: context, authentication (401), the role the method
 * needs (403), body parsing and the mapping of typed errors to DRF-shaped answers, in
 * DRF's order (authentication before the 405 and before any object lookup). Every method
 * is exported so that the ones a route lacks answer DRF's 405 body instead of Next's empty one.
 */
export function drfRoute<P = Record<string, never>>(handlers: Partial<Record<Method, Handler<P>>>, opts: RouteOptions = {}): Record<Method, NextHandler> {
  return wrap<P>(handlers as Partial<Record<Method, (req: BaseRequest<P> & { user?: CurrentUser }) => Promise<Response>>>, async (ctx, request) => {
    const user = await authenticate(ctx, request);
    const method = request.method as Method;
    if (!hasRole(user.role, opts.roles?.[method] ?? defaultRole(method))) throw new Forbidden();
    return user;
  });
}

/** A route anyone may call (login, obtaining a token): the handler proves who is calling itself. */
export function publicRoute<P = Record<string, never>>(handlers: Partial<Record<Method, PublicHandler<P>>>): Record<Method, NextHandler> {
  return wrap<P>(handlers, async () => undefined);
}

function wrap<P>(
  handlers: Partial<Record<Method, (req: BaseRequest<P> & { user?: CurrentUser }) => Promise<Response>>>,
  identify: (ctx: AppContext, request: Request) => Promise<CurrentUser | undefined>,
): Record<Method, NextHandler> {
  const allowed = METHODS.filter((m) => handlers[m]);
  const out = {} as Record<Method, NextHandler>;
  for (const method of METHODS) {
    out[method] = async (request, context) => {
      try {
        const ctx = await getContext();
        const user = await identify(ctx, request);
        const handler = handlers[method];
        if (!handler) throw new MethodNotAllowed(method, [...allowed, "OPTIONS"]);
        let cached: Promise<RequestBody> | undefined;
        return await handler({
          request,
          url: onOrigin(new URL(request.url), siteOrigin(request, ctx.config)),
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

/** The URL's path and query on another origin (set, not parsed: a path like `//host` stays a path). */
function onOrigin(url: URL, origin: string): URL {
  const out = new URL(origin);
  out.pathname = url.pathname;
  out.search = url.search;
  return out;
}

export function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
}

/**
 * A file to save, streamed: its name (ASCII) in `filename` and again as RFC 5987's
 * `filename*`, which clients that know it prefer.
 */
export function attachment(file: { filename: string; contentType: string; body: ReadableStream<Uint8Array> }): Response {
  const encoded = encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encoded}`,
      "cache-control": "no-store",
    },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** A path id as DRF's router matches it: digits only, else 404. */
export function pathId(raw: string): number {
  const id = parseId(raw);
  if (id === undefined) throw new NotFound();
  return id;
}
