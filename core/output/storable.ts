/**
 * A value PostgreSQL can store: `text` holds no NUL and `jsonb` refuses `\u0000` and lone
 * surrogates, so a playbook printing `before\0after` would make every write of its
 * output fail. NUL becomes U+FFFD (as in the stored lines), a lone surrogate too; keys of
 * objects as well as values.
 */
export function storable<T>(value: T): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => storable(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[clean(k)] = storable(v);
    return out as T;
  }
  return value;
}

function clean(s: string): string {
  return (s.includes("\u0000") ? s.replace(/\u0000/g, "\ufffd") : s).toWellFormed();
}
