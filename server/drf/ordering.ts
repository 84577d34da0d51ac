import { lastParam } from "./query-string";

export type OrderTerm = { field: string; desc: boolean };

/**
 * OrderingFilter: `ordering=-start_time,id`; names that are not orderable are dropped,
 * none left → the default. Ties are broken by `id` in the direction of the last term,
 * so pages never repeat or skip a row and (x desc, id desc) indexes serve both ways.
 */
export function readOrdering(url: URL, orderable: readonly string[], fallback: OrderTerm[] = [{ field: "id", desc: true }]): OrderTerm[] {
  const raw = lastParam(url, "ordering");
  const terms: OrderTerm[] = [];
  for (const part of (raw ?? "").split(",")) {
    const p = part.trim();
    const desc = p.startsWith("-");
    const field = desc ? p.slice(1) : p;
    if (orderable.includes(field) && !terms.some((t) => t.field === field)) terms.push({ field, desc });
  }
  const out = terms.length ? terms : fallback;
  if (!out.some((t) => t.field === "id")) out.push({ field: "id", desc: out.at(-1)?.desc ?? false });
  return out;
}
