import { HttpError, type FieldErrors } from "@/lib/api/http";
import type { Dictionary } from "@/lib/i18n";

/** A failed login in the page's language: one message for the form, and the fields' own. */
export function loginError(error: unknown, t: Dictionary): { message: string | null; fields: FieldErrors } {
  if (error instanceof HttpError && error.status === 429) return { message: t.login.throttled(error.retryAfter), fields: {} };
  const fields = error instanceof HttpError ? error.fieldErrors : null;
  if (fields?.non_field_errors) return { message: t.login.badCredentials, fields: {} };
  if (fields) return { message: null, fields };
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}
