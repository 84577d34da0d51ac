import { msg } from "@/lib/drf/messages";
import type { FieldErrors } from "@/lib/drf/serializer";

/**
 * What went wrong, by name (DRF's `default_code`s, and `conflict`). Only the route wrapper
 * (server/http/error-response.ts) knows which HTTP status each one becomes.
 */
export type ErrorCode =
  | "invalid"
  | "not_found"
  | "conflict"
  | "permission_denied"
  | "not_authenticated"
  | "throttled"
  | "parse_error"
  | "unsupported_media_type"
  | "method_not_allowed";

/** A typed failure of a domain verb: its code, its message, and the messages per field for invalid input. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldErrors) {
    super(
      "invalid",
      Object.entries(fields)
        .map(([key, messages]) => `${key}: ${messages.join(" ")}`)
        .join("; "),
      fields,
    );
  }
}

export class NotFound extends DomainError {
  constructor() {
    super("not_found", msg.notFound);
  }
}

export class Conflict extends DomainError {
  constructor(detail: string) {
    super("conflict", detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: string = msg.permissionDenied) {
    super("permission_denied", detail);
  }
}

/** Throws a ValidationError when any field has an error. */
export function assertValid(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
