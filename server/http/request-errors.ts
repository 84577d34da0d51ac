import { DomainError } from "@/core/errors";
import { msg } from "@/lib/drf/messages";

/** Failures of the request itself rather than of a verb, thrown by the wrapper and the body parser. */
export class MethodNotAllowed extends DomainError {
  constructor(
    method: string,
    public readonly allowed: string[],
  ) {
    super("method_not_allowed", msg.methodNotAllowed(method));
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(mediaType: string) {
    super("unsupported_media_type", msg.unsupportedMediaType(mediaType));
  }
}

export class ParseError extends DomainError {
  constructor(why: string) {
    super("parse_error", msg.parseError(why));
  }
}
