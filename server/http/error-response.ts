import { DomainError, type ErrorCode } from "@/core/errors";
import { logError } from "@/lib/log/log-error";
import { NotAuthenticated } from "../auth/authenticate";
import { Throttled } from "../auth/login-throttle";
import { MethodNotAllowed } from "./request-errors";

/** The one place an error becomes HTTP: its status by code, DRF's body, and the headers DRF sends with it. */
const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  parse_error: 400,
  not_authenticated: 401,
  permission_denied: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unsupported_media_type: 415,
  throttled: 429,
};

export function errorResponse(e: unknown): Response {
  if (!(e instanceof DomainError)) {
    logError("[api] unexpected error", e);
    return answer({ detail: "服务器内部错误。" }, 500);
  }
  return answer(e.code === "invalid" ? e.fields : { detail: e.message }, STATUS[e.code], headersOf(e));
}

function headersOf(e: DomainError): Record<string, string> {
  if (e instanceof MethodNotAllowed) return { Allow: e.allowed.join(", ") };
  if (e instanceof NotAuthenticated) return { "WWW-Authenticate": "Token" };
  if (e instanceof Throttled) return { "Retry-After": String(e.waitSeconds) };
  return {};
}

function answer(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}
