import { msg } from "@/lib/drf/messages";
import type { FieldErrors } from "@/lib/drf/serializer";

/** A typed failure of a domain verb; the route wrapper turns it into a DRF body once. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: unknown,
    public readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === "object" && body && "detail" in body ? String((body as { detail: unknown }).detail) : `HTTP ${status}`);
  }
}

export class ValidationError extends ApiError {
  constructor(public readonly errors: FieldErrors) {
    super(400, errors);
  }
}

export class NotFound extends ApiError {
  constructor() {
    super(404, { detail: msg.notFound });
  }
}

export class Conflict extends ApiError {
  constructor(detail: string) {
    super(409, { detail });
  }
}

export class Forbidden extends ApiError {
  constructor(detail: string = msg.permissionDenied) {
    super(403, { detail });
  }
}

export class MethodNotAllowed extends ApiError {
  constructor(method: string, allowed: string[]) {
    super(405, { detail: msg.methodNotAllowed(method) }, { Allow: allowed.join(", ") });
  }
}

export class UnsupportedMediaType extends ApiError {
  constructor(mediaType: string) {
    super(415, { detail: msg.unsupportedMediaType(mediaType) });
  }
}

export class ParseError extends ApiError {
  constructor(why: string) {
    super(400, { detail: msg.parseError(why) });
  }
}

/** Throws a ValidationError when any field has an error. */
export function assertValid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
