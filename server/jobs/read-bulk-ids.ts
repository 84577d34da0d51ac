import { msg } from "@/lib/drf/messages";
import { ValidationError } from "@/core/errors";
import type { RequestBody } from "../http/body";

const BAD = "请提供要删除的主键：pk（逗号分隔）或 pk[]（数组），均为整数。";

/** Ids one bulk DELETE may name: far below PostgreSQL's 65,535 parameters of one statement. */
export const MAX_BULK_IDS = 10_000;

/** The seed's bulk-delete body: `pk` as "1,2,3", or `pk[]` as every value of a form key or a JSON array. */
export function readBulkIds(body: RequestBody): number[] {
  let raw: unknown[] = [];
  if (body.kind === "form") {
    raw = [...(body.data.get("pk[]") ?? []), ...(body.data.get("pk") ?? []).flatMap((s) => s.split(","))];
  } else {
    const d = body.data;
    if (d === null || typeof d !== "object" || Array.isArray(d)) throw new ValidationError({ pk: [BAD] });
    for (const key of ["pk[]", "pk"]) {
      const v = (d as Record<string, unknown>)[key];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) raw.push(...v);
      else if (typeof v === "string") raw.push(...v.split(","));
      else raw.push(v);
    }
  }
  const trimmed = raw.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");
  if (trimmed.length === 0) throw new ValidationError({ pk: [msg.required] });
  const ids = trimmed.map((x) => (typeof x === "number" && Number.isInteger(x) ? x : typeof x === "string" && /^\d{1,15}$/.test(x) ? Number(x) : NaN));
  if (ids.some((n) => Number.isNaN(n))) throw new ValidationError({ pk: [BAD] });
  const unique = [...new Set(ids)];
  if (unique.length > MAX_BULK_IDS) throw new ValidationError({ pk: [`一次最多删除 ${MAX_BULK_IDS} 个作业，收到 ${unique.length} 个。`] });
  return unique;
}
