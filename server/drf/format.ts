import { NotFound } from "@/core/errors";
import { lastParam } from "./query-string";

/**
 * DRF's `?format=` override: absent or empty → undefined (the default renderer); a name
 * no renderer of the view has → 404, as DRF's content negotiation answers. Taken as sent,
 * not trimmed or lower-cased, as DRF compares it.
 */
export function readFormat<F extends string>(url: URL, formats: readonly F[]): F | undefined {
  const format = lastParam(url, "format");
  if (format === undefined || format === "") return undefined;
  if (!(formats as readonly string[]).includes(format)) throw new NotFound();
  return format as F;
}
