import { FieldError, type Field } from "@/lib/drf/fields";
import type { FieldErrors } from "@/lib/drf/serializer";
import { lastParam } from "./query-string";

/**
 * One query parameter through a serializer field: absent or empty → undefined, a bad
 * value → its messages under the key in `errors` (to be thrown once, all together).
 */
export function readQueryField<T>(url: URL, key: string, field: Field<T>, errors: FieldErrors): T | undefined {
  const raw = lastParam(url, key)?.trim();
  if (raw === undefined || raw === "") return undefined;
  try {
    return field.parse(raw);
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    errors[key] = e.messages;
    return undefined;
  }
}
